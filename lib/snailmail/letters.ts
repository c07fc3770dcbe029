import "server-only";
import { prisma } from "@/lib/db/client";
import { getService } from "@/lib/iap/accounts";
import { formatCredits } from "@/lib/iap/units";
import type { LetterErrorCode, LetterState } from "@/lib/generated/prisma/client";
import { SERVICES } from "@/lib/iap/catalogue";

export interface LetterRow {
  id: number;
  contactId: number | null;
  recipient: string;
  country: string;
  subject: string;
  kind: "letter" | "document";
  color: boolean;
  duplex: boolean;
  pages: number;
  sheets: number;
  credits: string;
  state: LetterState;
  errorCode: LetterErrorCode | null;
  errorMessage: string | null;
  provider: string | null;
  trackingId: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** The company's letters, newest first (optionally those of one contact); the PDF bytes stay in the database. */
export async function listLetters(companyId: number, filter: { contactId?: number; take?: number } = {}): Promise<LetterRow[]> {
  const [service, letters] = await Promise.all([
    getService(SERVICES.snailmail),
    prisma().letter.findMany({
      where: { companyId, ...(filter.contactId ? { contactId: filter.contactId } : {}) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: filter.take ?? 200,
      omit: { pdf: true, body: true },
    }),
  ]);
  return letters.map((letter) => ({
    id: letter.id,
    contactId: letter.contactId,
    recipient: (letter.address as { name?: string }).name ?? "",
    country: letter.country,
    subject: letter.subject,
    kind: letter.attachmentName ? "document" : "letter",
    color: letter.color,
    duplex: letter.duplex,
    pages: letter.pages,
    sheets: letter.sheets,
    credits: formatCredits(letter.credits, service.decimals),
    state: letter.state,
    errorCode: letter.errorCode,
    errorMessage: letter.errorMessage,
    provider: letter.provider,
    trackingId: letter.trackingId,
    createdAt: letter.createdAt,
    sentAt: letter.sentAt,
  }));
}

/** The letter's PDF, only for the company that owns it. */
export async function findLetterPdf(companyId: number, letterId: number): Promise<{ pdf: Uint8Array; filename: string } | null> {
  const letter = await prisma().letter.findFirst({ where: { id: letterId, companyId }, select: { id: true, pdf: true } });
  if (!letter) return null;
  return { pdf: letter.pdf, filename: `letter-${letter.id}.pdf` };
}

/**
 * Credits the company can spend on letters now (balance − open holds). Looking
 * does not open the account: before its first letter, that is the free trial
 * an eligible company will receive on first use.
 */
export async function availableForLetters(companyId: number): Promise<{ units: bigint; decimals: number }> {
  const service = await getService(SERVICES.snailmail);
  const account = await prisma().iapAccount.findUnique({
    where: { companyId_serviceId: { companyId, serviceId: service.id } },
    select: { balance: true, held: true },
  });
  if (account) return { units: account.balance - account.held, decimals: service.decimals };
  const company = await prisma().company.findUniqueOrThrow({ where: { id: companyId }, select: { trialEligible: true } });
  return { units: company.trialEligible ? service.trialCredits : 0n, decimals: service.decimals };
}
