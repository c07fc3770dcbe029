import { describe, expect, it } from "vitest";
import { creditStatus } from "./credit-status";

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
