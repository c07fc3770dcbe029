import "server-only";
import { prisma, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { localeOr } from "@/lib/i18n/locales";
import type { EmailContent } from "@/lib/mail/templates";
import { requestOutcomeEmail } from "./emails";
import type { SignatureInput } from "./schemas";
import { stampSignedPdf } from "./stamp";
import { hashToken, looksLikeToken } from "./tokens";

// The public side of a request: what a signer reaches with the token of their
// link, with no account. Every function here starts from the token and checks
// it is known, unexpired and still usable.

/** Why a signer cannot sign or refuse; the words are in messages sign.errors.signing.<code>. */
export type SigningRefusal = "invalid" | "already-signed" | "already-refused" | "expired" | "canceled" | "closed" | "bad-drawing" | "verify-first";

export class SigningError extends Error {
  constructor(readonly code: SigningRefusal) {
    super(code);
  }
}

export type SigningLinkProblem = "invalid" | "expired";

/** What the signing page shows, or why the link does not work. */
export async function findSigningSession(token: string, now = new Date()) {
  if (!looksLikeToken(token)) return { problem: "invalid" as SigningLinkProblem };
  const signer = await prisma().signer.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      name: true,
      email: true,
      status: true,
      requireVerification: true,
      tokenExpiresAt: true,
      verifiedProvider: true,
      verifiedName: true,
      verifiedBirthdate: true,
      verifiedAt: true,
      signedAt: true,
      refusedAt: true,
      request: { select: { id: true, title: true, fileName: true, state: true, companyId: true, requesterId: true, originalSha256: true } },
    },
  });
  if (!signer) return { problem: "invalid" as SigningLinkProblem };
  // A signer who already signed or refused may still look at the outcome; an open link expires.
  if (signer.tokenExpiresAt <= now && (signer.status === "SENT" || signer.status === "VERIFIED")) {
    return { problem: "expired" as SigningLinkProblem };
  }
  const [company, requester] = await Promise.all([
    prisma().company.findUnique({ where: { id: signer.request.companyId }, select: { name: true } }),
    prisma().user.findUnique({ where: { id: signer.request.requesterId }, select: { name: true } }),
  ]);
  return { signer, companyName: company?.name ?? "", requesterName: requester?.name ?? "" };
}

/** The original document, for the signing page. */
export async function findDocumentForToken(token: string, now = new Date()) {
  const session = await findSigningSession(token, now);
  if (!session.signer) return null;
  const request = await prisma().signatureRequest.findUnique({ where: { id: session.signer.request.id }, select: { originalPdf: true, fileName: true } });
  return request ? { bytes: request.originalPdf as Uint8Array, fileName: request.fileName } : null;
}

interface LockedSigner {
  id: number;
  request_id: number;
  status: string;
  require_verification: boolean;
  verified_at: Date | null;
  token_expires_at: Date;
  request_state: string;
}

// Locks the request, then its signer: signers of one request sign one at a
// time, so exactly one of them sees "everyone has signed" and stamps the PDF.
async function lockSigner(tx: Tx, token: string, now: Date): Promise<LockedSigner> {
  if (!looksLikeToken(token)) throw new SigningError("invalid");
  const hash = hashToken(token);
  const found = await tx.$queryRaw<{ request_id: number }[]>`SELECT request_id FROM signer WHERE token_hash = ${hash}`;
  if (!found[0]) throw new SigningError("invalid");
  const request = await tx.$queryRaw<{ state: string }[]>`SELECT state::text FROM signature_request WHERE id = ${found[0].request_id} FOR UPDATE`;
  const rows = await tx.$queryRaw<LockedSigner[]>`
    SELECT id, request_id, status::text, require_verification, verified_at, token_expires_at
      FROM signer WHERE token_hash = ${hash} FOR UPDATE`;
  const signer = { ...rows[0], request_state: request[0].state };
  if (signer.status === "SIGNED") throw new SigningError("already-signed");
  if (signer.status === "REFUSED") throw new SigningError("already-refused");
  if (signer.token_expires_at <= now) throw new SigningError("expired");
  if (signer.request_state === "CANCELED") throw new SigningError("canceled");
  if (signer.request_state !== "SENT") throw new SigningError("closed");
  return signer;
}

async function queueInTx(tx: Tx, email: EmailContent & { companyId: number; to: string; dedupeKey: string }) {
  await tx.outgoingEmail.createMany({ data: [email], skipDuplicates: true });
}

async function notifyRequester(tx: Tx, requestId: number, outcome: "COMPLETED" | "REFUSED", signerName: string, reason?: string | null) {
  const request = await tx.signatureRequest.findUniqueOrThrow({ where: { id: requestId }, select: { companyId: true, requesterId: true, title: true } });
  const requester = await tx.user.findUnique({ where: { id: request.requesterId }, select: { email: true, locale: true, company: { select: { locale: true } } } });
  if (!requester) return;
  // A notice to the requester: in their language, whatever the request's.
  const locale = localeOr(requester.locale ?? requester.company.locale);
  await queueInTx(tx, {
    companyId: request.companyId,
    to: requester.email,
    dedupeKey: `sign:outcome:${requestId}`,
    ...requestOutcomeEmail({ locale, title: request.title, requestUrl: `${env().APP_URL}/sign/${requestId}`, signerName, outcome, reason }),
  });
}

function decodePng(dataUrl: string): Uint8Array<ArrayBuffer> {
  const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(",") + 1), "base64");
  if (bytes.length < 8 || bytes.readUInt32BE(0) !== 0x89504e47) throw new SigningError("bad-drawing");
  return new Uint8Array(bytes);
}

/**
 * Records the signature. When it is the last one, stamps every signature on
 * the document, appends the audit page and completes the request — in the
 * same transaction. A signer who must verify their identity signs only after.
 */
export async function signDocument(token: string, signature: SignatureInput, ip: string | null, now = new Date()): Promise<{ completed: boolean }> {
  const png = signature.kind === "DRAWN" ? decodePng(signature.png) : null;
  return prisma().$transaction(
    async (tx) => {
      const signer = await lockSigner(tx, token, now);
      if (signer.require_verification && !signer.verified_at) throw new SigningError("verify-first");
      await tx.signer.update({
        where: { id: signer.id },
        data: {
          status: "SIGNED",
          signatureKind: signature.kind,
          signatureText: signature.kind === "TYPED" ? signature.text : null,
          signaturePng: png,
          signedAt: now,
          ip,
        },
      });
      const request = await tx.signatureRequest.findUniqueOrThrow({ where: { id: signer.request_id }, include: { signers: { orderBy: { sortOrder: "asc" } } } });
      if (request.signers.some((other) => other.status !== "SIGNED")) return { completed: false };

      const [company, requester] = await Promise.all([
        tx.company.findUniqueOrThrow({ where: { id: request.companyId }, select: { name: true } }),
        tx.user.findUnique({ where: { id: request.requesterId }, select: { name: true } }),
      ]);
      const signedPdf = await stampSignedPdf(request.originalPdf, {
        locale: localeOr(request.locale),
        requestId: request.id,
        title: request.title,
        fileName: request.fileName,
        companyName: company.name,
        requesterName: requester?.name ?? "",
        originalSha256: request.originalSha256,
        completedAt: now,
        signers: request.signers.map((s) => ({
          ...s,
          signedAt: s.signedAt!,
          signatureKind: s.signatureKind!,
          signaturePng: s.signaturePng as Uint8Array | null,
        })),
      });
      await tx.signatureRequest.update({ where: { id: request.id }, data: { state: "COMPLETED", completedAt: now, signedPdf: new Uint8Array(signedPdf) } });
      const last = request.signers.find((s) => s.id === signer.id)!;
      await notifyRequester(tx, request.id, "COMPLETED", last.name);
      return { completed: true };
    },
    { timeout: 20_000 },
  );
}

/** The signer declines: the request closes and the requester is told why. */
export async function refuseDocument(token: string, reason: string | null, ip: string | null, now = new Date()): Promise<void> {
  await prisma().$transaction(async (tx) => {
    const signer = await lockSigner(tx, token, now);
    const updated = await tx.signer.update({ where: { id: signer.id }, data: { status: "REFUSED", refusedAt: now, refusalReason: reason, ip } });
    await tx.signatureRequest.update({ where: { id: signer.request_id }, data: { state: "REFUSED", completedAt: now } });
    await notifyRequester(tx, signer.request_id, "REFUSED", updated.name, reason);
  });
}
