import { describe, expect, it } from "vitest";
import { creditStatus, showsLowCreditNotice, purchaseState } from "./credit-status";

describe("creditStatus", () => {
  it("no credits at 0, whatever the warning", () => {
    expect(creditStatus({ balance: 0n, warnEnabled: false, warningThreshold: null })).toBe("no-credits");
    expect(creditStatus({ balance: 0n, warnEnabled: true, warningThreshold: 100n })).toBe("no-credits");
  });

  it("low credits only with Warn Me on and the balance strictly below the threshold", () => {
    expect(creditStatus({ balance: 99n, warnEnabled: true, warningThreshold: 100n })).toBe("low-credits");
    expect(creditStatus({ balance: 100n, warnEnabled: true, warningThreshold: 100n })).toBe("ok");
    expect(creditStatus({ balance: 99n, warnEnabled: false, warningThreshold: 100n })).toBe("ok");
    expect(creditStatus({ balance: 5n, warnEnabled: true, warningThreshold: null })).toBe("ok");
  });
});

describe("showsLowCreditNotice", () => {
  const warned = new Date("2026-11-21T10:00:00Z");
  it("below the threshold, warned or not yet", () => {
    expect(showsLowCreditNotice({ balance: 10n, warnEnabled: true, warningThreshold: 50n, warnedAt: null })).toBe(true);
    expect(showsLowCreditNotice({ balance: 10n, warnEnabled: true, warningThreshold: 50n, warnedAt: warned })).toBe(true);
  });
  it("a standing warning is shown with its time; none when Warn Me is off or the balance is 0 (No credits instead)", () => {
    expect(showsLowCreditNotice({ balance: 60n, warnEnabled: true, warningThreshold: 50n, warnedAt: warned })).toBe(true);
    expect(showsLowCreditNotice({ balance: 60n, warnEnabled: true, warningThreshold: 50n, warnedAt: null })).toBe(false);
    expect(showsLowCreditNotice({ balance: 10n, warnEnabled: false, warningThreshold: 50n, warnedAt: warned })).toBe(false);
    expect(showsLowCreditNotice({ balance: 0n, warnEnabled: true, warningThreshold: 50n, warnedAt: warned })).toBe(false);
  });
});

describe("purchaseState", () => {
  const paid = { status: "PAID", amount: 1200, refundedAmount: 0, disputeStatus: null } as const;
  it("names what happened to a paid purchase's money", () => {
    expect(purchaseState(paid)).toBe("paid");
    expect(purchaseState({ ...paid, refundedAmount: 300 })).toBe("partly_refunded");
    expect(purchaseState({ ...paid, refundedAmount: 1200 })).toBe("refunded");
    expect(purchaseState({ ...paid, disputeStatus: "OPEN" })).toBe("disputed");
    expect(purchaseState({ ...paid, disputeStatus: "LOST" })).toBe("dispute_lost");
    expect(purchaseState({ ...paid, disputeStatus: "WON" })).toBe("dispute_won");
    expect(purchaseState({ ...paid, status: "FAILED" })).toBe("failed");
    expect(purchaseState({ ...paid, status: "PENDING" })).toBe("pending");
  });
});
