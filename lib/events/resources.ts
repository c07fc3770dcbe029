// What the API (and the webhook payloads that carry the same objects) send:
// one zod schema per resource, which the OpenAPI document is generated from,
// and the one function that turns our records into it. snake_case, amounts as
// decimal strings (amounts.ts), times as ISO 8601 in UTC, states in lower case.
import { z } from "zod";
import type { AccountSummary, LedgerLine } from "@/lib/iap/account-views";
import type { HoldDetail } from "@/lib/iap/hold-views";
import { currencyDigits } from "@/lib/money";
import { fromUnits, responseAmount } from "./amounts";

const timestamp = z.iso.datetime().meta({ example: "2026-12-01T09:30:00.000Z" });
const serviceName = z.string().meta({ description: "The service's technical name.", example: "sms" });

export const serviceResource = z
  .object({
    technical_name: serviceName,
    name: z.string().meta({ example: "SMS" }),
    description: z.string(),
    unit_name: z.string().meta({ example: "credits" }),
    decimals: z.int().min(0).meta({ description: "Decimal places of this service's amounts.", example: 2 }),
  })
  .meta({ id: "Service" });

export const accountResource = z
  .object({
    id: z.int(),
    service: serviceName,
    service_name: z.string(),
    unit_name: z.string(),
    decimals: z.int().min(0),
    balance: responseAmount,
    held: responseAmount.meta({ description: "Reserved by pending holds." }),
    available: responseAmount.meta({ description: "balance − held: what a charge or a hold can use now." }),
    low_credit_threshold: responseAmount.nullable().meta({ description: "Below this, the low-credit warning (and balance.low) fires; null when off." }),
  })
  .meta({ id: "Account" });

export const ledgerKinds = ["trial_grant", "purchase", "auto_topup", "usage", "refund", "refund_reversal", "dispute_loss", "adjustment"] as const;

export const ledgerEntryResource = z
  .object({
    id: z.string().regex(/^\d+$/).meta({ description: "Entry id (a 64-bit integer, as a string)." }),
    kind: z.enum(ledgerKinds),
    amount: responseAmount.meta({ description: "Signed: positive credits the account, negative debits it." }),
    balance_after: responseAmount,
    description: z.string(),
    reference: z.string().nullable(),
    created_at: timestamp,
  })
  .meta({ id: "LedgerEntry" });

export const chargeResource = z
  .object({
    entry_id: z.string().regex(/^\d+$/).meta({ description: "The ledger entry of this charge." }),
    service: serviceName,
    amount: responseAmount,
    balance_after: responseAmount,
    description: z.string(),
    reference: z.string().nullable(),
  })
  .meta({ id: "Charge" });

export const holdStatuses = ["pending", "captured", "released", "expired"] as const;

export const holdResource = z
  .object({
    id: z.int(),
    service: serviceName,
    amount: responseAmount.meta({ description: "Credits reserved." }),
    captured_amount: responseAmount.nullable().meta({ description: "Credits taken when captured; null otherwise." }),
    status: z.enum(holdStatuses),
    description: z.string(),
    reference: z.string().nullable(),
    created_at: timestamp,
    expires_at: timestamp.meta({ description: "A pending hold not captured by then is freed (hold.expired)." }),
  })
  .meta({ id: "Hold" });

export const purchaseStatuses = ["pending", "paid", "failed", "expired", "canceled"] as const;

export const purchaseResource = z
  .object({
    id: z.int(),
    service: serviceName,
    pack: z.string().meta({ example: "Standard" }),
    credits: responseAmount,
    price: z.string().regex(/^\d+(\.\d+)?$/).meta({ description: "What was paid, as a decimal string in the currency.", example: "9.00" }),
    currency: z.string().length(3).meta({ example: "EUR" }),
    status: z.enum(purchaseStatuses),
    origin: z.enum(["manual", "auto_topup"]).meta({ description: "Bought by a person, or by auto top-up." }),
    refunded: z.string().regex(/^\d+(\.\d+)?$/).meta({ description: "Money refunded so far, in the currency.", example: "0.00" }),
    credits_taken_back: responseAmount.meta({ description: "Credits taken back because the money went back (refunds, a lost dispute)." }),
    credits_already_used: responseAmount.meta({ description: "Credits refunded or lost that had already been used, so could not be taken back." }),
    dispute: z.enum(["open", "won", "lost"]).nullable().meta({ description: "The card dispute (chargeback) on the payment, if any; an open one freezes the purchase's remaining credits." }),
    failure_code: z.string().nullable().meta({ description: "Why the payment failed (e.g. card_declined, authentication_required), when it did." }),
    created_at: timestamp,
    paid_at: timestamp.nullable(),
  })
  .meta({ id: "Purchase" });

export type ServiceResource = z.infer<typeof serviceResource>;
export type AccountResource = z.infer<typeof accountResource>;
export type LedgerEntryResource = z.infer<typeof ledgerEntryResource>;
export type ChargeResource = z.infer<typeof chargeResource>;
export type HoldResource = z.infer<typeof holdResource>;
export type PurchaseResource = z.infer<typeof purchaseResource>;

export function toServiceResource(service: { technicalName: string; name: string; description: string; unitName: string; decimals: number }): ServiceResource {
  return {
    technical_name: service.technicalName,
    name: service.name,
    description: service.description,
    unit_name: service.unitName,
    decimals: service.decimals,
  };
}

export function toAccountResource(account: AccountSummary): AccountResource {
  const d = account.decimals;
  return {
    id: account.id,
    service: account.technicalName,
    service_name: account.serviceName,
    unit_name: account.unitName,
    decimals: d,
    balance: fromUnits(account.balance, d),
    held: fromUnits(account.held, d),
    available: fromUnits(account.balance - account.held, d),
    low_credit_threshold: account.warnEnabled && account.warningThreshold !== null ? fromUnits(account.warningThreshold, d) : null,
  };
}

export function toLedgerEntryResource(entry: LedgerLine, decimals: number): LedgerEntryResource {
  return {
    id: entry.id.toString(),
    kind: entry.kind.toLowerCase() as LedgerEntryResource["kind"],
    amount: fromUnits(entry.amount, decimals),
    balance_after: fromUnits(entry.balanceAfter, decimals),
    description: entry.description,
    reference: entry.reference,
    created_at: entry.createdAt.toISOString(),
  };
}

export type HoldRecord = Pick<HoldDetail, "id" | "amount" | "capturedAmount" | "status" | "description" | "reference" | "createdAt" | "expiresAt"> & {
  service: { technicalName: string; decimals: number };
}

export function toHoldResource(hold: HoldRecord): HoldResource {
  const d = hold.service.decimals;
  return {
    id: hold.id,
    service: hold.service.technicalName,
    amount: fromUnits(hold.amount, d),
    captured_amount: hold.capturedAmount === null ? null : fromUnits(hold.capturedAmount, d),
    status: hold.status.toLowerCase() as HoldResource["status"],
    description: hold.description,
    reference: hold.reference,
    created_at: hold.createdAt.toISOString(),
    expires_at: hold.expiresAt.toISOString(),
  };
}

/** What a purchase resource is made from (lib/billing/purchases.ts PurchaseView fits it). */
export interface PurchaseRecord {
  id: number;
  packName: string;
  credits: bigint;
  amount: number;
  currency: string;
  status: string;
  origin: "MANUAL" | "AUTO_TOPUP";
  refundedAmount: number;
  creditsTakenBack: bigint;
  creditsAlreadyUsed: bigint;
  disputeStatus: "OPEN" | "WON" | "LOST" | null;
  failureCode: string | null;
  createdAt: Date;
  paidAt: Date | null;
  service: { technicalName: string; decimals: number };
}

export function toPurchaseResource(purchase: PurchaseRecord): PurchaseResource {
  return {
    id: purchase.id,
    service: purchase.service.technicalName,
    // The API is English and stable: the pack's stored name, never the reader's translation.
    pack: purchase.packName,
    credits: fromUnits(purchase.credits, purchase.service.decimals),
    price: fromUnits(BigInt(purchase.amount), currencyDigits(purchase.currency)),
    currency: purchase.currency,
    status: purchase.status.toLowerCase() as PurchaseResource["status"],
    origin: purchase.origin === "AUTO_TOPUP" ? "auto_topup" : "manual",
    refunded: fromUnits(BigInt(purchase.refundedAmount), currencyDigits(purchase.currency)),
    credits_taken_back: fromUnits(purchase.creditsTakenBack, purchase.service.decimals),
    credits_already_used: fromUnits(purchase.creditsAlreadyUsed, purchase.service.decimals),
    dispute: purchase.disputeStatus === null ? null : (purchase.disputeStatus.toLowerCase() as "open" | "won" | "lost"),
    failure_code: purchase.failureCode,
    created_at: purchase.createdAt.toISOString(),
    paid_at: purchase.paidAt?.toISOString() ?? null,
  };
}
