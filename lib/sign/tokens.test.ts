import { describe, expect, it } from "vitest";
import { newSigningToken, hashToken, looksLikeToken } from "./tokens";

describe("signing tokens", () => {
  it("are random, 43 base64url characters, stored only as their SHA-256", () => {
    const a = newSigningToken();
    const b = newSigningToken();
    expect(a.token).not.toBe(b.token);
    expect(looksLikeToken(a.token)).toBe(true);
    expect(a.hash).toBe(hashToken(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).not.toContain(a.token);
    expect(looksLikeToken("short")).toBe(false);
    expect(looksLikeToken(`${a.token.slice(0, 42)}/`)).toBe(false);
  });
});
