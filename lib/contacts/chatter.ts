import "server-only";
import { prisma, type Tx } from "@/lib/db/client";

export type ChatterKind = "NOTE" | "SMS" | "EMAIL" | "SYSTEM" | "LETTER";

/**
 * What the app logs, as codes with their data: the chatter words them in its
 * reader's language (messages/<locale>/contacts.json, chatter.log.*). The body
 * then holds only what a person wrote (the SMS text). Rows from before codes
 * have none and show their body as written.
 */
export type ChatterLog =
  | { code: "smsSent"; params: { number: string; parts: number; units: string; decimals: number } }
  | { code: "smsNotSent"; params: { number: string; reason: string } }
  | { code: "letterPosted"; params: { letterId: number; subject: string; pages: number; country: string; tracking: string | null } }
  | { code: "letterNotPosted"; params: { letterId: number; reason: string } }
  /** A contact made from a mined lead; `source` is a lead source code (gleif, sp500, vies, network). */
  | { code: "leadMined"; params: { source: string } }
  /** A contact made from a website visitor; the first pages they saw. */
  | { code: "leadFromVisit"; params: { pages: string[] } };

export type ChatterCode = ChatterLog["code"];

export interface ChatterEntry {
  id: number;
  kind: ChatterKind;
  body: string;
  /** What the app logged (null: a note, or a row from before codes). */
  log: ChatterLog | null;
  author: string | null;
  createdAt: Date;
  /** The SMS this entry logs, with where its delivery stands now (delivery reports move it on). */
  sms: ChatterSms | null;
}

export interface ChatterSms {
  state: "QUEUED" | "SENDING" | "SENT" | "DELIVERED" | "ERROR" | "CANCELED" | "FAILED";
  /** Failure code (an SmsSendFailure or SmsDeliveryFailure; words beside the pages). */
  reason: string | null;
  refunded: boolean;
}

/**
 * Posts to a contact's chatter. Scoped: nothing is written unless the contact
 * belongs to the company. Pass `tx` to post in the same transaction as the
 * change it records (an SMS's outcome, for instance).
 */
export async function postMessage(
  input: { companyId: number; contactId: number; kind: ChatterKind; body: string; log?: ChatterLog; authorId?: number | null; smsId?: number | null },
  tx?: Tx,
): Promise<number | null> {
  const db = tx ?? prisma();
  const contact = await db.contact.findFirst({ where: { id: input.contactId, companyId: input.companyId }, select: { id: true } });
  if (!contact) return null;
  const message = await db.chatterMessage.create({
    data: {
      contactId: contact.id,
      kind: input.kind,
      body: input.body,
      code: input.log?.code ?? null,
      params: input.log?.params ?? undefined,
      authorId: input.authorId ?? null, smsId: input.smsId ?? null,
    },
    select: { id: true },
  });
  return message.id;
}

/** Newest first, with the author's name. */
export async function listMessages(companyId: number, contactId: number, limit = 100): Promise<ChatterEntry[]> {
  const messages = await prisma().chatterMessage.findMany({
    where: { contactId, contact: { companyId } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    include: { sms: { select: { state: true, failureReason: true, refundedAt: true } } },
  });
  const authorIds = [...new Set(messages.map((m) => m.authorId).filter((id): id is number => id !== null))];
  const authors = authorIds.length
    ? await prisma().user.findMany({ where: { id: { in: authorIds }, companyId }, select: { id: true, name: true } })
    : [];
  const names = new Map(authors.map((a) => [a.id, a.name]));
  return messages.map((m) => ({
    id: m.id,
    kind: m.kind,
    body: m.body,
    log: m.code ? ({ code: m.code, params: m.params } as ChatterLog) : null,
    author: m.authorId === null ? null : (names.get(m.authorId) ?? null),
    createdAt: m.createdAt,
    sms: m.sms ? { state: m.sms.state as ChatterSms["state"], reason: m.sms.failureReason, refunded: m.sms.refundedAt !== null } : null,
  }));
}
