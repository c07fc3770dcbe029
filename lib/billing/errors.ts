// Refusals of the buying flow, in their own module so that the checkout
// providers and start-checkout can share them without importing each other.
// Codes; the words are beside the buy pages (app/(app)/iap/_messages/buy-refusals.ts).
import { AppError, type ErrorKind } from "@/lib/errors";

export type BuyRefusal = "admins-only" | "pack-not-on-sale" | "checkout-unavailable" | "purchase-not-found" | "purchase-canceled";

const KINDS: Record<BuyRefusal, ErrorKind> = {
  "admins-only": "forbidden",
  "pack-not-on-sale": "not-found",
  "checkout-unavailable": "unavailable",
  "purchase-not-found": "not-found",
  "purchase-canceled": "conflict",
};

/** A buy request the app refuses; nothing was recorded or charged. */
export class BuyRefusedError extends AppError<BuyRefusal> {
  readonly name = "BuyRefusedError";
  constructor(code: BuyRefusal, options?: { cause?: unknown }) {
    super(code, KINDS[code], {}, options);
  }
}
