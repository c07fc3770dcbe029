// GET /api/v1/openapi.json — public: the document describes the API, it reveals no data.
import { openApiDocument } from "@/lib/api/openapi";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(openApiDocument(env().APP_URL), { headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" } });
}
