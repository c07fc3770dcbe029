import "server-only";
import { PDFDocument } from "pdf-lib";
import { pool, prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { identityProviderConfig } from "@/lib/identity/config";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { InsufficientCreditsError } from "@/lib/iap/errors";
import { creditsToUnits } from "@/lib/iap/units";
import { localeOr, type Locale } from "@/lib/i18n/locales";
import { withSecretLink } from "@/lib/mail/secret-link";
import { startsAsPdf } from "@/lib/pdf/document";
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
  if (!startsAsPdf(bytes)) throw new SignRequestError("not-pdf", "document");
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
