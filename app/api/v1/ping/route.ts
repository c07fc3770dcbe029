// GET /api/v1/ping — checks a key (the same auth path as every endpoint, nothing else).
import { apiRoute } from "@/lib/api/route";
import { ping } from "@/lib/api/operations";

export const GET = apiRoute(ping);
