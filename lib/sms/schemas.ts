// Shared by the SMS dialogs (client) and their server actions.
import { z } from "zod";
import { idField, MAX_ID, textField } from "@/lib/http/params";

const clientId = textField().trim().min(8, "sms.sendIdMissing").max(100);

export const sendSmsSchema = z.object({
  contactId: idField("contacts.unknown"),
  number: textField().trim().min(1, "sms.noNumber").max(40),
  // Not trimmed: spaces and line breaks are part of the message and its length.
  body: textField().max(5000, "sms.bodyTooLong"),
  clientId,
});

export const massSmsSelectionSchema = z.union([
  z.object({ ids: z.array(z.number().int().positive().max(MAX_ID)).min(1, "sms.selectContacts").max(50_000) }),
  z.object({ all: z.literal(true), q: textField().max(100).default("") }),
]);

export const massSmsSendSchema = z.object({
  selection: massSmsSelectionSchema,
  body: textField().max(5000, "sms.bodyTooLong"),
  clientId,
});

/** What the mass SMS dialog shows before sending: who gets it, who is skipped, the price per number. */
export interface MassSmsPreview {
  total: number;
  recipients: number;
  duplicates: number;
  skipped: { contactId: number; name: string; number: string | null; reason: "missing" | "invalid" | "opted-out" }[];
  /** Credits per part (units, as text) × how many numbers pay it. */
  priceGroups: { creditsPerPart: string; count: number }[];
}

/**
 * How far a mass SMS batch got, as the dialog and Settings → Background jobs
 * show it while its chunks run (lib/sms/mass-sms/progress.ts counts it).
 */
export interface MassSmsProgressView {
  /** Distinct numbers in the batch. */
  messages: number;
  /** Not sent yet (waiting, or being sent right now). */
  queued: number;
  sent: number;
  failed: number;
  /** Of the sent: what the carriers' delivery reports say so far. */
  delivered: number;
  undelivered: number;
  awaitingReport: number;
  duplicates: number;
  creditsText: string;
  done: boolean;
  /** `reason`: an SmsSendFailure code, as stored on the message. */
  failures: { name: string; number: string; reason: string }[];
}

/** A started batch, and how far it got (once the dialog has asked). */
export interface MassSmsStatus {
  batchKey: string;
  progress?: MassSmsProgressView;
}
