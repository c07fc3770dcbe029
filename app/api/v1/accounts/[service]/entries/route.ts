// GET /api/v1/accounts/{service}/entries
import { apiRoute } from "@/lib/api/route";
import { listEntriesOperation } from "@/lib/api/operations";

export const GET = apiRoute(listEntriesOperation);
