import { pdfResponse } from "@/lib/http/pdf-response";
import { findDocumentForToken } from "@/lib/sign/signing";
import { countSigningPageUse } from "@/lib/sign/signing-limit";

// GET /s/<token>/document — the document to sign, for the signer (the token is the credential).
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const allowed = await countSigningPageUse(request.headers);
  if (!allowed.ok) {
    return new Response("Too many requests from your network. Try again in a minute.", { status: 429, headers: { "Retry-After": String(allowed.retryAfterSeconds) } });
  }
  const { token } = await params;
  const document = await findDocumentForToken(token);
  if (!document) return new Response("This signing link is not valid or has expired.", { status: 404 });
  return pdfResponse(document.bytes, document.fileName, "inline");
}
