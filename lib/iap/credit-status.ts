// What the IAP Account list and the Account Information page say about a
// balance. Plain (no database) so the same rule drives badges and notices.

export type CreditStatus = "no-credits" | "low-credits" | "ok";

export interface WarningState {
  balance: bigint;
  warnEnabled: boolean;
  warningThreshold: bigint | null;
}

/**
 * "No credits" when the balance is 0; "Low credits" when Warn Me is on and the
 * balance is below the threshold (the same comparison the warning e-mail and
 * its re-arming use: strictly below warns, at or above is fine).
 */
export function creditStatus({ balance, warnEnabled, warningThreshold }: WarningState): CreditStatus {
  if (balance <= 0n) return "no-credits";
  if (warnEnabled && warningThreshold !== null && balance < warningThreshold) return "low-credits";
  return "ok";
}

/**
 * The account page's "Low credits" notice: while the balance is below the
 * threshold, or while a warning for the current crossing stands (warned_at is
 * cleared when the account is re-armed), so its time can be shown.
 */
export function showsLowCreditNotice(account: WarningState & { warnedAt: Date | null }): boolean {
  const status = creditStatus(account);
  return status === "low-credits" || (status === "ok" && account.warnEnabled && account.warnedAt !== null);
}

export const LEDGER_KIND_LABELS = {
  TRIAL_GRANT: "Trial credits",
  PURCHASE: "Purchase",
  USAGE: "Usage",
  REFUND: "Refund",
  ADJUSTMENT: "Adjustment",
  AUTO_TOPUP: "Auto top-up",
  REFUND_REVERSAL: "Payment refunded",
  DISPUTE_LOSS: "Dispute lost",
} as const;

export type LedgerKindName = keyof typeof LEDGER_KIND_LABELS;

export type PurchaseState = "pending" | "paid" | "refunded" | "partly_refunded" | "disputed" | "dispute_won" | "dispute_lost" | "failed" | "expired" | "canceled";

/** What Purchase history calls a purchase: a paid one by what happened to its money since. */
export function purchaseState(line: { status: string; amount: number; refundedAmount: number; disputeStatus: "OPEN" | "WON" | "LOST" | null }): PurchaseState {
  if (line.status !== "PAID") return line.status.toLowerCase() as PurchaseState;
  if (line.disputeStatus === "OPEN") return "disputed";
  if (line.disputeStatus === "LOST") return "dispute_lost";
  if (line.refundedAmount >= line.amount && line.amount > 0) return "refunded";
  if (line.refundedAmount > 0) return "partly_refunded";
  if (line.disputeStatus === "WON") return "dispute_won";
  return "paid";
}
