// GET /api/v1/services
import { apiRoute } from "@/lib/api/route";
import { listServicesOperation } from "@/lib/api/operations";

export const GET = apiRoute(listServicesOperation);
