// GET /api/v1/holds/{id}
import { apiRoute } from "@/lib/api/route";
import { getHoldOperation } from "@/lib/api/operations";

export const GET = apiRoute(getHoldOperation);
