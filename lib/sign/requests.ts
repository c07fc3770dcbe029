import "server-only";
import { PDFDocument } from "pdf-lib";
import { pool, prisma, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { identityProviderConfig } from "@/lib/identity/config";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { InsufficientCreditsError } from "@/lib/iap/errors";
import { creditsToUnits } from "@/lib/iap/units";
import { localeOr, type Locale } from "@/lib/i18n/locales";
import { withSecretLink } from "@/lib/mail/secret-link";
import { signingRequestEmail } from "./emails";
import type { NewSignatureRequest } from "./schemas";
import { newSigningToken, sha256Hex } from "./tokens";
import { SERVICES } from "@/lib/iap/catalogue";

/** Credits one successful identity verification costs. */
export const CREDITS_PER_VERIFICATION = 1;
export const SIGNING_LINK_DAYS = 14;
export const MAX_PDF_BYTES = 8 * 1024 * 1024;

/** Why a request cannot be sent; the words are in messages sign.errors.request.<code>. */
export type SignRequestRefusal = "no-file" | "too-large" | "not-pdf" | "no-pages" | "unreadable" | "identity-off" | "contact-without-email";

export class SignRequestError extends Error {
  constructor(
    readonly code: SignRequestRefusal,
    readonly field?: "document" | "signers" | "title",
    /** The signer's position (1-based) when the refusal is about one signer. */
    readonly signerNumber?: number,
  ) {
    super(code);
  }
}

/** A PDF that pdf-lib can open and stamp (not encrypted, not empty), or a SignRequestError. */
export async function checkPdf(bytes: Uint8Array): Promise<number> {
  if (bytes.byteLength === 0) throw new SignRequestError("no-file", "document");
  if (bytes.byteLength > MAX_PDF_BYTES) throw new SignRequestError("too-large", "document");
  if (Buffer.from(bytes.subarray(0, 5)).toString("latin1") !== "%PDF-") throw new SignRequestError("not-pdf", "document");
  try {
    const doc = await PDFDocument.load(bytes);
    if (doc.getPageCount() === 0) throw new SignRequestError("no-pages", "document");
    return doc.getPageCount();
  } catch (error) {
    if (error instanceof SignRequestError) throw error;
    throw new SignRequestError("unreadable", "document");
  }
}

/** Units available on the company's signer-identification account (balance − open holds). */
export async function identityCreditsAvailable(companyId: number) {
  const account = await getOrCreateAccount(companyId, SERVICES.signerIdentification);
  const { rows } = await pool().query("SELECT balance - held AS available FROM iap_account WHERE id = $1", [account.id]);
  return { account, available: BigInt(rows[0].available) };
}

/** For the form: credits available for verifications, without opening the account (null: never used yet). */
export async function peekIdentityCredits(companyId: number): Promise<{ available: bigint; decimals: number; serviceName: string } | null> {
  const { rows } = await pool().query(
    `SELECT a.balance - a.held AS available, s.decimals, s.name FROM iap_account a JOIN iap_service s ON s.id = a.service_id
      WHERE a.company_id = $1 AND s.technical_name = $2`,
    [companyId, SERVICES.signerIdentification],
  );
  return rows[0] ? { available: BigInt(rows[0].available), decimals: rows[0].decimals, serviceName: rows[0].name } : null;
}

/**
 * Creates the request and queues one e-mail per signer with a personal,
 * expiring link — in one transaction, so either everything is sent or nothing.
 * A request with signers who must verify their identity is refused up front
 * (InsufficientCreditsError, nothing created) when the company cannot pay one
 * verification per such signer. The credits are only reserved later, when a
 * signer starts the verification.
 */
export async function createSignatureRequest(input: {
  companyId: number;
  requesterId: number;
  request: NewSignatureRequest;
  fileName: string;
  pdf: Uint8Array;
  now?: Date;
}): Promise<{ id: number; links: { signerId: number; email: string; url: string }[] }> {
  const { companyId, request } = input;
  await checkPdf(input.pdf);
  const verifying = request.signers.filter((signer) => signer.requireVerification).length;
  const provider = identityProviderConfig();
  if (verifying > 0 && !provider) {
    throw new SignRequestError("identity-off", "signers");
  }
  if (verifying > 0) {
    const { account, available } = await identityCreditsAvailable(companyId);
    const needed = creditsToUnits(verifying * CREDITS_PER_VERIFICATION, account.service.decimals);
    if (available < needed) throw new InsufficientCreditsError(account.service, needed, available);
  }

  const db = prisma();
  const [company, requester] = await Promise.all([
    db.company.findUniqueOrThrow({ where: { id: companyId } }),
    db.user.findFirstOrThrow({ where: { id: input.requesterId, companyId } }),
  ]);
  // The language chosen on the form, else the requester's own.
  const locale: Locale = request.locale ?? localeOr(requester.locale ?? company.locale);
  const contactIds = request.signers.flatMap((signer) => (signer.contactId ? [signer.contactId] : []));
  const contacts = await db.contact.findMany({ where: { companyId, id: { in: contactIds } } });
  const now = input.now ?? new Date();
  const expiresAt = new Date(now.getTime() + SIGNING_LINK_DAYS * 86_400_000);
  const appUrl = env().APP_URL;

  return db.$transaction(async (tx) => {
    const signers: { token: string; data: { contactId: number; name: string; email: string; sortOrder: number; requireVerification: boolean; tokenHash: string; tokenExpiresAt: Date } }[] = [];
    for (const [index, signer] of request.signers.entries()) {
      let { name, email } = signer;
      let contactId = signer.contactId ?? null;
      if (contactId) {
        const contact = contacts.find((candidate) => candidate.id === contactId);
        if (!contact?.email) throw new SignRequestError("contact-without-email", "signers", index + 1);
        name = contact.name;
        email = contact.email;
      } else {
        // A new signer becomes a contact, so the next request can pick them.
        const contact = await tx.contact.create({ data: { companyId, name: name!, email: email! } });
        contactId = contact.id;
      }
      const { token, hash } = newSigningToken();
      signers.push({ token, data: { contactId, name: name!, email: email!, sortOrder: index, requireVerification: signer.requireVerification, tokenHash: hash, tokenExpiresAt: expiresAt } });
    }
    const created = await tx.signatureRequest.create({
      data: {
        companyId,
        requesterId: requester.id,
        title: request.title,
        locale,
        fileName: input.fileName,
        originalPdf: new Uint8Array(input.pdf),
        originalSha256: sha256Hex(input.pdf),
        signers: { create: signers.map((signer) => signer.data) },
      },
      include: { signers: { orderBy: { sortOrder: "asc" } } },
    });
    const links = created.signers.map((signer, index) => ({ signerId: signer.id, email: signer.email, url: `${appUrl}/s/${signers[index].token}` }));
    const emails = await tx.outgoingEmail.createManyAndReturn({
      select: { id: true, dedupeKey: true },
      data: created.signers.map((signer, index) => ({
        companyId,
        to: signer.email,
        dedupeKey: `sign:signer:${signer.id}`,
        ...withSecretLink(links[index].url, (link) =>
          signingRequestEmail({
            locale,
            title: created.title,
            requesterName: requester.name,
            companyName: company.name,
            signerName: signer.name,
            link,
            expiresAt,
            verifyWith: signer.requireVerification && provider ? provider.label : null,
          }),
        ),
      })),
    });
    for (const signer of created.signers) {
      const email = emails.find((row) => row.dedupeKey === `sign:signer:${signer.id}`);
      if (email) await tx.signer.update({ where: { id: signer.id }, data: { emailId: email.id } });
    }
    return { id: created.id, links };
  });
}

/**
 * Where a signer's link stands, as the requester reads it: "sent" only once
 * the e-mail left; until then "waiting" (or "not-sent" when the outbox gave
 * up), with the outbox's reason. Past the e-mail, the signer's own progress.
 */
export type SignerProgress = "waiting" | "not-sent" | "sent" | "verified" | "signed" | "signed-verified" | "refused";

export function signerProgress(signer: { status: string; verifiedAt: Date | null }, email: { state: string } | null): SignerProgress {
  if (signer.status === "SIGNED") return signer.verifiedAt ? "signed-verified" : "signed";
  if (signer.status === "REFUSED") return "refused";
  if (signer.status === "VERIFIED") return "verified";
  if (!email || email.state === "SENT") return email ? "sent" : "waiting";
  return email.state === "FAILED" ? "not-sent" : "waiting";
}

/** The outbox rows of these signers' latest link e-mails, by e-mail id (scoped to the company). */
async function linkEmails(companyId: number, emailIds: (number | null)[]) {
  const ids = emailIds.filter((id): id is number => id !== null);
  const rows = ids.length
    ? await prisma().outgoingEmail.findMany({ where: { id: { in: ids }, companyId }, select: { id: true, state: true, lastError: true, sentAt: true } })
    : [];
  return new Map(rows.map((row) => [row.id, row]));
}

function withProgress<S extends { status: string; verifiedAt: Date | null; emailId: number | null }>(signer: S, emails: Map<number, { state: string; lastError: string | null; sentAt: Date | null }>) {
  const email = signer.emailId === null ? null : (emails.get(signer.emailId) ?? null);
  const progress = signerProgress(signer, email);
  return { ...signer, progress, emailSentAt: email?.sentAt ?? null, emailProblem: progress === "waiting" || progress === "not-sent" ? (email?.lastError ?? null) : null };
}

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

const SIGNER_LIST_FIELDS = {
  id: true,
  name: true,
  email: true,
  status: true,
  requireVerification: true,
  verifiedAt: true,
  nameMismatch: true,
  emailId: true,
} as const;

/** The company's requests, newest first, with each signer's status. */
export async function listSignatureRequests(companyId: number, take = 100) {
  const requests = await prisma().signatureRequest.findMany({
    where: { companyId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      title: true,
      state: true,
      createdAt: true,
      completedAt: true,
      signers: { select: SIGNER_LIST_FIELDS, orderBy: { sortOrder: "asc" } },
    },
  });
  const emails = await linkEmails(companyId, requests.flatMap((request) => request.signers.map((signer) => signer.emailId)));
  return requests.map((request) => ({ ...request, signers: request.signers.map((signer) => withProgress(signer, emails)) }));
}

export async function getSignatureRequest(companyId: number, id: number) {
  const request = await prisma().signatureRequest.findFirst({
    where: { id, companyId },
    select: {
      id: true,
      title: true,
      fileName: true,
      originalSha256: true,
      state: true,
      createdAt: true,
      completedAt: true,
      requesterId: true,
      signedPdf: false,
      signers: {
        orderBy: { sortOrder: "asc" },
        select: {
          ...SIGNER_LIST_FIELDS,
          tokenExpiresAt: true,
          verifiedProvider: true,
          verifiedName: true,
          verifiedBirthdate: true,
          signedAt: true,
          refusedAt: true,
          refusalReason: true,
          ip: true,
        },
      },
    },
  });
  if (!request) return null;
  const [requester, signed, emails] = await Promise.all([
    prisma().user.findUnique({ where: { id: request.requesterId }, select: { name: true } }),
    pool().query("SELECT signed_pdf IS NOT NULL AS ready FROM signature_request WHERE id = $1", [id]),
    linkEmails(companyId, request.signers.map((signer) => signer.emailId)),
  ]);
  return {
    ...request,
    signers: request.signers.map((signer) => withProgress(signer, emails)),
    requesterName: requester?.name ?? "",
    signedPdfReady: Boolean(signed.rows[0]?.ready),
  };
}

/** The original or the signed PDF of one of the company's requests. */
export async function getRequestPdf(companyId: number, id: number, version: "original" | "signed") {
  const request = await prisma().signatureRequest.findFirst({
    where: { id, companyId },
    select: { title: true, fileName: true, originalPdf: version === "original", signedPdf: version === "signed" },
  });
  if (!request) return null;
  const bytes = version === "original" ? request.originalPdf : request.signedPdf;
  if (!bytes) return null;
  const base = request.fileName.replace(/\.pdf$/i, "");
  return { bytes: bytes as Uint8Array, fileName: version === "signed" ? `${base}-signed.pdf` : `${base}.pdf` };
}

/** Contacts that can sign: the company's contacts with an e-mail address. */
export async function listSignableContacts(companyId: number) {
  return prisma().contact.findMany({
    where: { companyId, email: { not: null }, NOT: { email: "" } },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
    take: 500,
  });
}
