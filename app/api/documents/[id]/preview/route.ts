import { AuthError, authorize } from "@/lib/auth/session";
import { documentPreview } from "@/lib/digitization/documents";
import { parseId } from "@/lib/http/params";

// GET /api/documents/:id/preview — page 1 as an image, for the review screen.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  let user;
  try {
    user = await authorize("ANY");
  } catch (error) {
    if (error instanceof AuthError) return new Response(error.message, { status: error.status });
    throw error;
  }
  const id = parseId((await params).id);
  if (id === null) return new Response("Not found", { status: 404 });
  let preview;
  try {
    preview = await documentPreview(user.companyId, id);
  } catch {
    return new Response("This document cannot be shown.", { status: 422 });
  }
  if (!preview) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(preview.bytes), {
    headers: { "Content-Type": preview.type, "Cache-Control": "private, max-age=3600", "X-Content-Type-Options": "nosniff" },
  });
}
