import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";
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

describe("clientIp", () => {
  const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });
  it("takes the first X-Forwarded-For hop, without the IPv4-mapped prefix", () => {
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" }))).toBe("203.0.113.7");
    expect(clientIp(headers({ "x-forwarded-for": "::ffff:198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientIp(headers({ "x-real-ip": "192.0.2.4" }))).toBe("192.0.2.4");
    expect(clientIp(headers({}))).toBeNull();
  });
});
