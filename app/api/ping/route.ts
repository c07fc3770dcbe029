// GET /api/ping: answers at once, touching nothing (no session, no database):
// a liveness probe for load balancers, and the baseline bench:reveal measures the tracker against.
export function GET() {
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
