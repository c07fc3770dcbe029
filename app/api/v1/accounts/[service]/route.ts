// GET /api/v1/accounts/{service}
import { apiRoute } from "@/lib/api/route";
import { getAccountOperation } from "@/lib/api/operations";

export const GET = apiRoute(getAccountOperation);
