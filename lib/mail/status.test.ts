import { describe, expect, it } from "vitest";
import { canRetry, emailStatus } from "./status";
import { NOT_DELIVERED_NO_SMTP } from "./status";

describe("outbox status", () => {
  it("tells apart queued, retrying, not delivered, sent and failed", () => {
    expect(emailStatus({ state: "QUEUED", lastError: null })).toBe("queued");
    expect(emailStatus({ state: "QUEUED", lastError: "Cannot connect" })).toBe("retrying");
    expect(emailStatus({ state: "QUEUED", lastError: NOT_DELIVERED_NO_SMTP })).toBe("not-delivered");
    expect(emailStatus({ state: "SENT", lastError: null })).toBe("sent");
    expect(emailStatus({ state: "FAILED", lastError: "x" })).toBe("failed");
  });

  it("offers Retry now for what did not go out, never for sent or freshly queued rows", () => {
    expect(canRetry({ state: "FAILED", lastError: "x" })).toBe(true);
    expect(canRetry({ state: "QUEUED", lastError: NOT_DELIVERED_NO_SMTP })).toBe(true);
    expect(canRetry({ state: "QUEUED", lastError: "Cannot connect" })).toBe(true);
    expect(canRetry({ state: "QUEUED", lastError: null })).toBe(false);
    expect(canRetry({ state: "SENT", lastError: null })).toBe(false);
  });
});
