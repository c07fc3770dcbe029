import { callerRoute, routeRefusal } from "@/lib/auth/caller-route";
import { parseId } from "@/lib/http/params";
import { pdfResponse } from "@/lib/http/pdf-response";
import { findLetterPdf } from "@/lib/snailmail/letters";

// GET /letters/<id>/pdf — the letter's print-ready PDF, for the company that owns it only.
export const GET = callerRoute("ANY", async (user, _request, { params }: { params: Promise<{ id: string }> }) => {
  const id = parseId((await params).id);
  const letter = id !== null ? await findLetterPdf(user.companyId, id) : null;
  if (!letter) return routeRefusal(user, 404, "notFound");
  return pdfResponse(letter.pdf, letter.filename, "attachment");
});
