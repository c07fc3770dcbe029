import { pdfResponse } from "@/lib/sign/pdf-response";
import { findDocumentForToken } from "@/lib/sign/signing";

// GET /s/<token>/document — the document to sign, for the signer (the token is the credential).
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const document = await findDocumentForToken(token);
  if (!document) return new Response("This signing link is not valid or has expired.", { status: 404 });
  return pdfResponse(document.bytes, document.fileName, "inline");
}
