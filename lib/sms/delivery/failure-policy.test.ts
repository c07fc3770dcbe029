import { describe, expect, it } from "vitest";
import { failurePolicy } from "./failure-policy";

describe("failed-message policy", () => {
  it("charges failures of the recipient's number", () => {
    for (const code of [30003, 30004, 30005, 30006, 21610, 21614]) expect(failurePolicy(code).refundable, String(code)).toBe(false);
    expect(failurePolicy(30003).reason).toBe("unreachable");
    expect(failurePolicy(30005).reason).toBe("unknown-number");
  });

  it("refunds failures on the way: outage, queue overflow, expiry, filtering, and any code it does not know", () => {
    for (const code of [30001, 30002, 30007, 30008, 30009, 30010, 30036]) expect(failurePolicy(code).refundable, String(code)).toBe(true);
    expect(failurePolicy(30001).reason).toBe("queue-overflow");
    expect(failurePolicy(30036).reason).toBe("expired");
    expect(failurePolicy(39999)).toEqual({ reason: "carrier-error", refundable: true });
    expect(failurePolicy(null)).toEqual({ reason: "carrier-error", refundable: true });
  });
});
