import { AuthError, checkCaller } from "@/lib/auth/session";
import { findLetterPdf } from "@/lib/snailmail/letters";
import { parseId } from "@/lib/http/params";

// GET /letters/<id>/pdf — the letter's print-ready PDF, for the company that owns it only.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await checkCaller("ANY");
    const id = parseId((await params).id);
    const letter = id !== null ? await findLetterPdf(user.companyId, id) : null;
    if (!letter) return new Response("Not found", { status: 404 });
    return new Response(Buffer.from(letter.pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${letter.filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AuthError) return new Response(error.message, { status: error.status });
    throw error;
  }
}
