// GET /api/v1/purchases
import { apiRoute } from "@/lib/api/route";
import { listPurchasesOperation } from "@/lib/api/operations";

export const GET = apiRoute(listPurchasesOperation);
