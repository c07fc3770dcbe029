// GET /api/v1/purchases/{id}
import { apiRoute } from "@/lib/api/route";
import { getPurchaseOperation } from "@/lib/api/operations";

export const GET = apiRoute(getPurchaseOperation);
