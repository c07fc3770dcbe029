// What a ledger entry or a hold was for, as a code and its parameters
// (ledger_entry / credit_hold .description_code, .description_params). The
// account page's credit history and its CSV export word them in the reader's
// language (app/(app)/settings/iap/_messages/ledger-words.ts); the English
// `description` written next to them stays for the history's search, the API
// and rows older than the codes, which show it as stored.
import { z } from "zod";

const purchase = z.object({ purchaseId: z.int().positive() });
// The pack's name as stored when it was bought, and its code (rows from before codes have none: they show the name).
const packBought = purchase.extend({ pack: z.string(), packCode: z.string().optional() });

const wordingSchema = z.discriminatedUnion("code", [
  z.object({ code: z.literal("trial"), params: z.object({ service: z.string() }) }),
  z.object({ code: z.literal("purchase"), params: packBought }),
  z.object({ code: z.literal("autoTopup"), params: packBought }),
  z.object({ code: z.literal("refund"), params: purchase }),
  z.object({ code: z.literal("disputeFrozen"), params: purchase }),
  z.object({ code: z.literal("disputeLost"), params: purchase }),
  z.object({ code: z.literal("sms"), params: z.object({ number: z.string(), parts: z.int().positive() }) }),
  z.object({ code: z.literal("smsRefund"), params: z.object({ number: z.string() }) }),
  z.object({ code: z.literal("massSms"), params: z.object({ recipients: z.int().positive(), parts: z.int().positive() }) }),
  z.object({ code: z.literal("massSmsLate"), params: z.object({}) }),
  z.object({ code: z.literal("partnerAutocomplete"), params: z.object({ company: z.string() }) }),
  z.object({ code: z.literal("leads"), params: z.object({ count: z.int().positive() }) }),
  z.object({ code: z.literal("signerIdentification"), params: z.object({ signer: z.string(), request: z.string() }) }),
  z.object({ code: z.literal("signerVerified"), params: z.object({ signer: z.string(), verifiedAs: z.string() }) }),
  z.object({ code: z.literal("digitized"), params: z.object({ file: z.string() }) }),
  z.object({ code: z.literal("letter"), params: z.object({ letterId: z.int().positive(), recipient: z.string(), country: z.string() }) }),
  z.object({ code: z.literal("visitor"), params: z.object({ organisation: z.string() }) }),
]);

export type LedgerWording = z.infer<typeof wordingSchema>;

/** The row's code and parameters, or null (an older row, or a code or parameters this version does not know: its description is shown). */
export function ledgerWording(code: unknown, params: unknown): LedgerWording | null {
  if (code === null || code === undefined) return null;
  const parsed = wordingSchema.safeParse({ code, params });
  return parsed.success ? parsed.data : null;
}

/** The two SQL values an INSERT stores (code, params as JSON text). */
export function wordingColumns(wording: LedgerWording | undefined): [string | null, string | null] {
  return wording ? [wording.code, JSON.stringify(wording.params)] : [null, null];
}
