import { callerRoute, routeRefusal } from "@/lib/auth/caller-route";
import { pdfResponse } from "@/lib/http/pdf-response";
import { getRequestPdf } from "@/lib/sign/request-views";
import { parseId } from "@/lib/http/params";

// GET /sign/<id>/document/original|signed — the requester's downloads, scoped to their company.
export const GET = callerRoute("ANY", async (user, _request, { params }: { params: Promise<{ id: string; version: string }> }) => {
  const { id, version } = await params;
  const requestId = parseId(id);
  if (requestId === null || (version !== "original" && version !== "signed")) return routeRefusal(user, 404, "notFound");
  const pdf = await getRequestPdf(user.companyId, requestId, version);
  if (!pdf) return routeRefusal(user, 404, version === "signed" ? "notSignedYet" : "notFound");
  return pdfResponse(pdf.bytes, pdf.fileName, "attachment");
});
