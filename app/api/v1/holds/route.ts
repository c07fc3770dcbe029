// POST /api/v1/holds
import { apiRoute } from "@/lib/api/route";
import { createHoldOperation } from "@/lib/api/operations";

export const POST = apiRoute(createHoldOperation);
