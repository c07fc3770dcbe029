import { z } from "zod";
import { documentPreview } from "@/lib/digitization/documents";
import { MAX_PAGES } from "@/lib/digitization/limits";
import { callerRoute, routeRefusal } from "@/lib/auth/caller-route";
import { parseId } from "@/lib/http/params";

const query = z.object({ page: z.coerce.number().int().min(1).max(MAX_PAGES).default(1) });

// GET /api/documents/:id/preview?page=N — a page as an image, for the review screen.
export const GET = callerRoute("ANY", async (user, request, { params }: { params: Promise<{ id: string }> }) => {
  const id = parseId((await params).id);
  if (id === null) return routeRefusal(user, 404, "notFound");
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return routeRefusal(user, 400, "previewPage", { max: MAX_PAGES });
  let preview;
  try {
    preview = await documentPreview(user.companyId, id, parsed.data.page);
  } catch {
    return routeRefusal(user, 422, "cannotShow");
  }
  if (!preview) return routeRefusal(user, 404, "notFound");
  return new Response(new Uint8Array(preview.bytes), {
    headers: { "Content-Type": preview.type, "Cache-Control": "private, max-age=3600", "X-Content-Type-Options": "nosniff" },
  });
});
