// Refusals of the buying flow, in their own module so that the checkout
// providers and start-checkout can share them without importing each other.

/** A buy request the app refuses; the message is for the buyer. */
export class BuyRefusedError extends Error {
  readonly name = "BuyRefusedError";
}
