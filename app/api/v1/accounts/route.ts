// GET /api/v1/accounts
import { apiRoute } from "@/lib/api/route";
import { listAccountsOperation } from "@/lib/api/operations";

export const GET = apiRoute(listAccountsOperation);
