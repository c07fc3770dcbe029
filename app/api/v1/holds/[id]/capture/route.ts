// POST /api/v1/holds/{id}/capture
import { apiRoute } from "@/lib/api/route";
import { captureHoldOperation } from "@/lib/api/operations";

export const POST = apiRoute(captureHoldOperation);
