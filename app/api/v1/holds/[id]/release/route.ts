// POST /api/v1/holds/{id}/release
import { apiRoute } from "@/lib/api/route";
import { releaseHoldOperation } from "@/lib/api/operations";

export const POST = apiRoute(releaseHoldOperation);
