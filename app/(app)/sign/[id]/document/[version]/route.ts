import { AuthError, checkCaller } from "@/lib/auth/session";
import { pdfResponse } from "@/lib/sign/pdf-response";
import { getRequestPdf } from "@/lib/sign/requests";
import { parseId } from "@/lib/http/params";

// GET /sign/<id>/document/original|signed — the requester's downloads, scoped to their company.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; version: string }> }) {
  let user;
  try {
    user = await checkCaller("ANY");
  } catch (error) {
    if (error instanceof AuthError) return new Response(error.message, { status: error.status });
    throw error;
  }
  const { id, version } = await params;
  const requestId = parseId(id);
  if (requestId === null || (version !== "original" && version !== "signed")) return new Response("Not found", { status: 404 });
  const pdf = await getRequestPdf(user.companyId, requestId, version);
  if (!pdf) return new Response(version === "signed" ? "Not signed by everyone yet." : "Not found", { status: 404 });
  return pdfResponse(pdf.bytes, pdf.fileName, "attachment");
}
