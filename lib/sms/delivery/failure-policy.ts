// Why the carrier did not deliver a message, and whether its credits come
// back. Odoo's rule, kept: a badly formatted number costs nothing because it
// is refused before sending (sendSms never charges it); a message that left
// and could not reach the recipient's number (wrong, unreachable, landline,
// blocked, unsubscribed) is charged; one that failed on the way for any other
// reason (carrier outage, queue overflow, expired, filtered, price cap…) is
// refunded, once.
//
// The codes are Twilio's (twilio.com/docs/api/errors); a code not listed here
// is refunded as "carrier-error": when we cannot say the number was at fault,
// the customer does not pay.

/** Words: app/(app)/contacts/_messages/sms-failures.ts. */
export type SmsDeliveryFailure =
  | "queue-overflow"
  | "account-suspended"
  | "unreachable"
  | "blocked"
  | "unknown-number"
  | "landline"
  | "carrier-filtered"
  | "carrier-error"
  | "missing-segment"
  | "price-exceeded"
  | "carrier-congestion"
  | "sender-not-registered"
  | "expired"
  | "unsubscribed"
  | "not-mobile"
  | "invalid-number";

export interface FailurePolicy {
  reason: SmsDeliveryFailure;
  /** True when the failure is not the recipient's number: the credits come back. */
  refundable: boolean;
}

const TWILIO_CODES: Record<number, FailurePolicy> = {
  30001: { reason: "queue-overflow", refundable: true },
  30002: { reason: "account-suspended", refundable: true },
  30003: { reason: "unreachable", refundable: false },
  30004: { reason: "blocked", refundable: false },
  30005: { reason: "unknown-number", refundable: false },
  30006: { reason: "landline", refundable: false },
  30007: { reason: "carrier-filtered", refundable: true },
  30008: { reason: "carrier-error", refundable: true },
  30009: { reason: "missing-segment", refundable: true },
  30010: { reason: "price-exceeded", refundable: true },
  30017: { reason: "carrier-congestion", refundable: true },
  30018: { reason: "sender-not-registered", refundable: true },
  30032: { reason: "sender-not-registered", refundable: true },
  30034: { reason: "sender-not-registered", refundable: true },
  30036: { reason: "expired", refundable: true },
  21610: { reason: "unsubscribed", refundable: false },
  21614: { reason: "not-mobile", refundable: false },
  21211: { reason: "invalid-number", refundable: false },
};

export function failurePolicy(carrierErrorCode: number | null): FailurePolicy {
  return (carrierErrorCode !== null && TWILIO_CODES[carrierErrorCode]) || { reason: "carrier-error", refundable: true };
}

/** The table, for the pricing help ("which failures are refunded"). */
export function failurePolicies(): { code: number; reason: SmsDeliveryFailure; refundable: boolean }[] {
  return Object.entries(TWILIO_CODES).map(([code, policy]) => ({ code: Number(code), ...policy }));
}
