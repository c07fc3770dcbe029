import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reloadEnv } from "@/lib/env";
import { open, seal } from "@/lib/secrets/seal";
import { deliverableContent, redactSecretLink, SECRET_LINK, SecretLinkError, withSecretLink } from "./secret-link";

const SECRET = "unit-test-secret";
const LINK = "https://erp.example.com/invite/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";
const compose = (link: string) => ({ subject: "Join", text: `Open ${link} to join.`, html: `<a href="${link}">${link}</a>` });

describe("sealed secrets", () => {
  it("open what was sealed under the same secret only; altered or foreign text opens to null", () => {
    const sealed = seal("outbox-link", LINK, SECRET);
    expect(sealed).not.toContain(LINK);
    expect(sealed).not.toBe(seal("outbox-link", LINK, SECRET)); // a fresh IV each time
    expect(open("outbox-link", sealed, SECRET)).toBe(LINK);
    expect(open("outbox-link", sealed, "another-secret")).toBeNull();
    // One character of the ciphertext changed (the middle one: every bit of it counts).
    const middle = Math.floor(sealed.length / 2);
    const tampered = sealed.slice(0, middle) + (sealed[middle] === "A" ? "B" : "A") + sealed.slice(middle + 1);
    expect(open("outbox-link", tampered, SECRET)).toBeNull();
    expect(open("outbox-link", "v2.abc", SECRET)).toBeNull();
    expect(() => seal("outbox-link", LINK, "")).toThrow(/NEXTAUTH_SECRET is not set/);
  });
});

describe("e-mails with a secret link", () => {
  const before = process.env.NEXTAUTH_SECRET;
  beforeAll(() => {
    process.env.NEXTAUTH_SECRET = SECRET;
    reloadEnv();
  });
  // Unit files share a worker (vitest.config.ts): the next one gets the environment this one found.
  afterAll(() => {
    if (before === undefined) delete process.env.NEXTAUTH_SECRET;
    else process.env.NEXTAUTH_SECRET = before;
    reloadEnv();
  });

  it("are stored with a placeholder, delivered with the link, shown without it", () => {
    const stored = withSecretLink(LINK, compose);
    expect(`${stored.text}${stored.html}`).not.toContain(LINK);
    expect(stored.text).toBe(`Open ${SECRET_LINK} to join.`);
    const delivered = deliverableContent(stored);
    expect(delivered.text).toBe(`Open ${LINK} to join.`);
    expect(delivered.html).toBe(`<a href="${LINK}">${LINK}</a>`);
    const shown = redactSecretLink(stored, "[personal link <hidden>]");
    expect(shown.text).toBe("Open [personal link <hidden>] to join.");
    expect(shown.html).toBe('<a href="#">[personal link &lt;hidden&gt;]</a>');
  });

  it("an e-mail sealed under a secret since changed cannot be delivered, and says why", () => {
    const stored = { subject: "Join", text: `Open ${SECRET_LINK}`, html: "", sealedLink: seal("outbox-link", LINK, "an-old-secret") };
    expect(() => deliverableContent(stored)).toThrow(SecretLinkError);
    expect(() => deliverableContent(stored)).toThrow(/NEXTAUTH_SECRET changed/);
    const plain = { subject: "Low credits", text: "No link", html: "", sealedLink: null };
    expect(deliverableContent(plain)).toBe(plain);
  });
});
