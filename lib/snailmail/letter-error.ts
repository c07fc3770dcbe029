// Why a letter is in Error or waits in the queue, as data: the letter's
// error_code says which kind, and error_message holds this detail as JSON
// (the words are beside the Letters pages: app/(app)/letters/_messages).
import type { AddressField, AddressProblem } from "./address";
import type { ProviderProblem } from "./providers/provider";

export type LetterErrorDetail =
  /** Address check failed: lib/snailmail/address.ts's findings as codes, worded where they are shown. */
  | { kind: "address-check"; missing: AddressField[]; invalid: Partial<Record<AddressField, AddressProblem>> }
  /** The same, stored as English sentences by versions before the findings were codes. */
  | { kind: "address"; problems: string[] }
  | { kind: "no-price"; country: string }
  /** Credits, formatted in the service's decimals. */
  | { kind: "no-credit"; needed: string; available: string }
  /** Another letter of the company ran out of credits first. */
  | { kind: "waiting-for-credits" }
  /**
   * The provider's answer: `problem` when our code worded it (a code, worded where shown),
   * else `providerMessage` is the provider's own text, shown as it wrote it.
   * Rows stored before problems were codes have only the message.
   */
  | { kind: "refused"; providerMessage: string; problem?: ProviderProblem }
  | { kind: "retrying"; providerMessage: string; problem?: ProviderProblem; attempt: number; maxAttempts: number; inMinutes: number }
  | { kind: "gave-up"; providerMessage: string; problem?: ProviderProblem; attempts: number };

export function encodeLetterError(detail: LetterErrorDetail): string {
  return JSON.stringify(detail);
}

/** The stored detail, or null for a letter without one (or a message stored before details were data). */
export function decodeLetterError(stored: string | null): LetterErrorDetail | null {
  if (!stored?.startsWith("{")) return null;
  try {
    return JSON.parse(stored) as LetterErrorDetail;
  } catch {
    return null;
  }
}
