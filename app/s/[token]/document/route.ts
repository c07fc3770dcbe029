import { pdfResponse } from "@/lib/http/pdf-response";
import { translatorFor } from "@/lib/i18n/catalogue";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { visitorLocale } from "@/lib/i18n/visitor";
import { findDocumentForToken } from "@/lib/sign/signing";
import { countSigningPageUse } from "@/lib/sign/signing-limit";

// GET /s/<token>/document — the document to sign, for the signer (the token is the credential).
// A refusal is read by the signer, in their browser's language like the signing page.
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const t = translatorFor((await visitorLocale()) ?? DEFAULT_LOCALE, "sign.errors");
  const allowed = await countSigningPageUse(request.headers);
  if (!allowed.ok) {
    return new Response(t("tooMany"), { status: 429, headers: { "Retry-After": String(allowed.retryAfterSeconds) } });
  }
  const { token } = await params;
  const document = await findDocumentForToken(token);
  if (!document) return new Response(t("verification.link-invalid"), { status: 404 });
  return pdfResponse(document.bytes, document.fileName, "inline");
}
