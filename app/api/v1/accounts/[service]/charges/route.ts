// POST /api/v1/accounts/{service}/charges
import { apiRoute } from "@/lib/api/route";
import { createChargeOperation } from "@/lib/api/operations";

export const POST = apiRoute(createChargeOperation);
