import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, FRAMEABLE_PATHS, newNonce, securityHeaders } from "./security-headers";

const directives = (policy: string) => new Map(policy.split("; ").map((part) => [part.split(" ")[0], part.split(" ").slice(1)]));

describe("content security policy", () => {
  it("lets only this request's scripts run, and nothing be embedded or framed", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc", dev: false, https: false }));
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-abc'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("adds what development needs, and nothing of it in production", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "n", dev: true, https: false }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("style-src")).toContain("'unsafe-inline'");
    const prod = contentSecurityPolicy({ nonce: "n", dev: false, https: true });
    expect(prod).not.toContain("unsafe-eval");
    expect(prod).not.toMatch(/style-src [^;]*'unsafe-inline'/);
    expect(directives(prod).has("upgrade-insecure-requests")).toBe(true);
  });

  it("lets a plain form post go on to the payment and identity providers it names", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "n", dev: false, https: true, formTargets: ["https://checkout.stripe.com", "https://idp.example"] }));
    expect(policy.get("form-action")).toEqual(["'self'", "https://checkout.stripe.com", "https://idp.example"]);
  });

  it("makes a fresh, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("other headers", () => {
  it("sends HSTS only in production with an https public URL", () => {
    expect(securityHeaders({ production: true, https: true })["Strict-Transport-Security"]).toMatch(/^max-age=63072000/);
    expect(securityHeaders({ production: true, https: false })["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ production: false, https: true })["Strict-Transport-Security"]).toBeUndefined();
  });

  it("lets only our own pages frame the PDF routes", () => {
    expect(securityHeaders({ production: true, https: true })["X-Frame-Options"]).toBe("DENY");
    expect(securityHeaders({ production: true, https: true, framedBySelf: true })["X-Frame-Options"]).toBe("SAMEORIGIN");
    expect(FRAMEABLE_PATHS.some((path) => path.test("/s/abc/document"))).toBe(true);
    expect(FRAMEABLE_PATHS.some((path) => path.test("/sign/12/document/signed"))).toBe(true);
    expect(FRAMEABLE_PATHS.some((path) => path.test("/letters/3/pdf"))).toBe(true);
    expect(FRAMEABLE_PATHS.some((path) => path.test("/s/abc"))).toBe(false);
  });
});
