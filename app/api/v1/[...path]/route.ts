// Any other path under /api/v1: a problem+json 404 rather than the HTML page.
import { notFoundRoute } from "@/lib/api/route";

const handler = notFoundRoute();
export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
