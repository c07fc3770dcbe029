import "server-only";
import { pool, prisma } from "@/lib/db/client";

// What the requester reads about signature requests: the list, one request
// with each signer's progress, the PDFs, the contacts who can sign.
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
