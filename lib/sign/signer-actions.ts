import "server-only";
import { prisma, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { identityProviderConfig } from "@/lib/identity/config";
import { localeOr } from "@/lib/i18n/locales";
import { signingRequestEmail } from "./emails";
import { SIGNING_LINK_DAYS } from "./requests";
import { newSigningToken } from "./tokens";

// What the requester (or an administrator) does to a sent request: a new
// link for a signer, or withdrawing the request.
export type SignerActionRefusal = "not-found" | "closed" | "not-allowed";

export class SignerActionError extends Error {
  constructor(readonly code: SignerActionRefusal) {
    super(code);
  }
}

/** The request a user may act on: its requester, or an administrator of its company. */
async function requestForAction(tx: Tx, user: { id: number; companyId: number; role: string }, requestId: number) {
  const rows = await tx.$queryRaw<{ id: number; requester_id: number; state: string; title: string; locale: string }[]>`
    SELECT id, requester_id, state::text, title, locale FROM signature_request WHERE id = ${requestId} AND company_id = ${user.companyId} FOR UPDATE`;
  const request = rows[0];
  if (!request) throw new SignerActionError("not-found");
  if (request.requester_id !== user.id && user.role !== "ADMIN") throw new SignerActionError("not-allowed");
  if (request.state !== "SENT") throw new SignerActionError("closed");
  return request;
}

/**
 * A new link for a signer who has not signed yet: a new token replaces the
 * old one (only its hash is stored, so the old link stops working and the new
 * one exists only in this answer), valid for SIGNING_LINK_DAYS again. With
 * `email`, it is also queued to the signer (Resend), and that e-mail becomes
 * the one whose delivery the signer's status follows.
 */
export async function renewSigningLink(
  user: { id: number; companyId: number; role: string },
  requestId: number,
  signerId: number,
  options: { email: boolean; now?: Date },
): Promise<{ url: string; expiresAt: Date }> {
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + SIGNING_LINK_DAYS * 86_400_000);
  const { token, hash } = newSigningToken();
  const url = `${env().APP_URL}/s/${token}`;
  await prisma().$transaction(async (tx) => {
    const request = await requestForAction(tx, user, requestId);
    const signer = await tx.signer.findFirst({ where: { id: signerId, requestId, status: { in: ["SENT", "VERIFIED"] } } });
    if (!signer) throw new SignerActionError("closed");
    let emailId = signer.emailId;
    if (options.email) {
      const [company, requester] = await Promise.all([
        tx.company.findUniqueOrThrow({ where: { id: user.companyId }, select: { name: true } }),
        tx.user.findFirst({ where: { id: request.requester_id }, select: { name: true } }),
      ]);
      const email = await tx.outgoingEmail.create({
        select: { id: true },
        data: {
          companyId: user.companyId,
          to: signer.email,
          dedupeKey: `sign:signer:${signer.id}:${hash.slice(0, 16)}`,
          ...signingRequestEmail({
            locale: localeOr(request.locale),
            title: request.title,
            requesterName: requester?.name ?? "",
            companyName: company.name,
            signerName: signer.name,
            link: url,
            expiresAt,
            verifyWith: signer.requireVerification && !signer.verifiedAt ? (identityProviderConfig()?.label ?? null) : null,
          }),
        },
      });
      emailId = email.id;
    }
    await tx.signer.update({ where: { id: signer.id }, data: { tokenHash: hash, tokenExpiresAt: expiresAt, emailId } });
  });
  return { url, expiresAt };
}

/** The requester withdraws the request: no link signs it any more. Signed signatures stay on record. */
export async function cancelSignatureRequest(user: { id: number; companyId: number; role: string }, requestId: number, now = new Date()): Promise<void> {
  await prisma().$transaction(async (tx) => {
    await requestForAction(tx, user, requestId);
    await tx.signatureRequest.update({ where: { id: requestId }, data: { state: "CANCELED", completedAt: now } });
  });
}
