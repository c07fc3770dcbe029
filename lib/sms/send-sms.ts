import "server-only";
import { prisma, type Tx } from "@/lib/db/client";
import { postMessage, type ChatterLog } from "@/lib/contacts/chatter";
import { charge } from "@/lib/iap/charge";
import { HoldNotPendingError, InsufficientCreditsError } from "@/lib/iap/errors";
import { formatCredits } from "@/lib/iap/units";
import { smsGateway, SmsGatewayError, type SmsFailureCode, type SmsGateway } from "./gateways";
import { parsePhone, type ParsedPhone } from "@/lib/contacts/phone";
import { smsPrice } from "./price";
import { loadPriceTable, smsService } from "./pricing";
import { checkMessage, type SmsRefusal } from "./message";
import { SERVICES } from "@/lib/iap/catalogue";
import { optedOutNumbers, recordCarrierOptOut } from "./opt-out";
import { senderFor } from "./sender";

export interface SendSmsInput {
  companyId: number;
  userId: number;
  contactId: number;
  /** As typed or stored on the contact; formatted to E.164 here. */
  number: string;
  body: string;
  /** One per send in the form (a client-generated id): a double-click sends once. */
  idempotencyKey: string;
}

export type SendSmsResult =
  | { status: "sent"; smsId: number; number: string; parts: number; credits: bigint; decimals: number; creditsText: string; gatewayId: string; replayed: boolean }
  | { status: "invalid"; refusal: SmsRefusal }
  | { status: "insufficient"; error: InsufficientCreditsError }
  | { status: "failed"; code: SmsSendFailure; smsId: number | null };

/** Why a message was not sent (words: app/(app)/contacts/_messages/sms-failures.ts). */
export type SmsSendFailure = SmsFailureCode | "already-tried" | "duplicate-number" | "opted-out";

/** The chatter's log of a sent SMS (worded where it is shown). */
export function sentLog(number: string, parts: number, units: bigint, decimals: number): ChatterLog {
  return { code: "smsSent", params: { number, parts, units: units.toString(), decimals } };
}

export function failedLog(number: string, reason: SmsSendFailure): ChatterLog {
  return { code: "smsNotSent", params: { number, reason } };
}

/**
 * Sends one SMS to a contact and charges it: validate (nothing charged on a
 * bad message or number) → hold the price on the SMS account → record the
 * intent (a QUEUED sms_message) → call the gateway outside any transaction →
 * record the outcome, the chatter entry and the capture in one transaction.
 * A gateway failure records ERROR and releases the hold: no credits used.
 */
export async function sendSms(input: SendSmsInput, options: { gateway?: SmsGateway } = {}): Promise<SendSmsResult> {
  const gateway = options.gateway ?? smsGateway();
  const contact = await prisma().contact.findFirst({
    where: { id: input.contactId, companyId: input.companyId },
    select: { id: true, country: true, company: { select: { country: true, smsSender: true } } },
  });
  if (!contact) return { status: "invalid", refusal: { code: "contactGone" } };

  const checked = checkMessage(input.body);
  if (!checked.ok) return { status: "invalid", refusal: checked.problem };
  const phone = parsePhone(input.number, { contact: contact.country, company: contact.company.country });
  if (!phone) return { status: "invalid", refusal: { code: "invalidNumber" } };
  // Refused before anything is held or recorded: an opted-out number costs nothing.
  if ((await optedOutNumbers(input.companyId, [phone.e164])).has(phone.e164)) return { status: "failed", code: "opted-out", smsId: null };
  const sender = senderFor(contact.company.smsSender, phone.country);
  const from = sender.kind === "name" ? sender.name : undefined;

  const [service, prices] = await Promise.all([smsService(), loadPriceTable()]);
  const { parts, encoding } = checked.segments;
  const price = smsPrice(prices, phone.country, parts);

  let smsId = null as number | null;
  try {
    const charged = await charge(
      {
        companyId: input.companyId,
        service: SERVICES.sms,
        amount: price,
        idempotencyKey: `sms:${input.idempotencyKey}`,
        description: `SMS to ${phone.international} (${parts} SMS)`,
        wording: { code: "sms", params: { number: phone.international, parts } },
        reference: `contact:${contact.id}`,
        createdById: input.userId,
      },
      async (_hold, _account, captureWithin) => {
        const sms = await prisma().smsMessage.create({
          data: {
            companyId: input.companyId,
            contactId: contact.id,
            number: phone.e164,
            body: input.body,
            encoding,
            parts,
            credits: price,
            sender: from ?? null,
            createdById: input.userId,
          },
          select: { id: true },
        });
        smsId = sms.id;
        const gatewayId = await deliver(gateway, phone, input.body, from);
        // Sent, logged and paid in one transaction.
        await recordOutcome(input, contact.id, sms.id, { gatewayId, log: sentLog(phone.international, parts, price, service.decimals) }, (tx) =>
          captureWithin(tx, { smsId: sms.id, gatewayId }),
        );
        return { smsId: sms.id, gatewayId };
      },
    );
    return {
      status: "sent",
      smsId: charged.result.smsId,
      number: phone.international,
      parts,
      credits: charged.captured,
      decimals: service.decimals,
      creditsText: formatCredits(charged.captured, service.decimals),
      gatewayId: charged.result.gatewayId,
      replayed: charged.replayed,
    };
  } catch (error) {
    if (error instanceof InsufficientCreditsError) return { status: "insufficient", error };
    if (error instanceof SmsGatewayError) {
      if (error.code === "unsubscribed") await recordCarrierOptOut(input.companyId, phone.e164);
      if (smsId !== null) {
        await recordOutcome(input, contact.id, smsId, { failure: error.code, log: failedLog(phone.international, error.code) });
      }
      return { status: "failed", code: error.code, smsId };
    }
    if (error instanceof HoldNotPendingError) {
      // The same send (same key) already ran and did not go through.
      return { status: "failed", code: "already-tried", smsId: null };
    }
    throw error;
  }
}

async function deliver(gateway: SmsGateway, phone: ParsedPhone, body: string, from: string | undefined): Promise<string> {
  try {
    return (await gateway.send({ to: phone.e164, body, from })).id;
  } catch (error) {
    if (error instanceof SmsGatewayError) throw error;
    throw new SmsGatewayError("unexpected", {}, { cause: error });
  }
}

async function recordOutcome(
  input: SendSmsInput,
  contactId: number,
  smsId: number,
  outcome: { gatewayId: string; log: ChatterLog } | { failure: string; log: ChatterLog },
  alsoInTransaction?: (tx: Tx) => Promise<void>,
) {
  await prisma().$transaction(async (tx) => {
    await tx.smsMessage.update({
      where: { id: smsId },
      data:
        "gatewayId" in outcome
          ? { state: "SENT", gatewayId: outcome.gatewayId, sentAt: new Date() }
          : { state: "ERROR", failureReason: outcome.failure, credits: 0n },
    });
    await postMessage({ companyId: input.companyId, contactId, kind: "SMS", body: input.body, log: outcome.log, authorId: input.userId, smsId }, tx);
    await alsoInTransaction?.(tx);
  });
}
