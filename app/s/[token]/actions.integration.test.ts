// The public signing page's actions as a signer's browser would post them:
// no account, no session (role PUBLIC). The token in the link is the only
// credential, so a wrong, expired or already-used token must change nothing:
// not the signer, not the request, not the company's credits. The request's
// headers are replaced (there is no request here); the identity provider is
// the real test one on a loopback port.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { createSignatureRequest } from "@/lib/sign/requests";
import { LOGIN_COOKIE } from "@/lib/sign/verification";
import { formOf, redirectOf, withEnv } from "@/tests/support/billing";
import { accountCredits, companyWithCredits } from "@/tests/support/credits";
import { startIdentityProvider } from "@/tests/support/identity-provider";
import { samplePdf } from "@/tests/support/pdf";

vi.mock("@/lib/auth/session-token", () => ({ sessionUserId: async () => null }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
// The signer's address as our proxy names it (one trusted hop), one of 16
// million drawn for each test, so that the signing pages' per-address limit
// counts each test's posts alone.
const browser = vi.hoisted(() => ({ address: "", cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": browser.address }),
  cookies: async () => ({ get: (name: string) => browser.cookies.get(name), set: (name: string, value: string) => void browser.cookies.set(name, value) }),
}));

const { refuseAction, signAction, startVerificationAction } = await import("./actions");

let provider: Awaited<ReturnType<typeof startIdentityProvider>>;
let restoreEnv: () => void;
beforeAll(async () => {
  restoreEnv = withEnv({ TRUST_PROXY_HOPS: "1" });
  provider = await startIdentityProvider();
});
afterAll(async () => {
  await provider?.stop();
  restoreEnv();
});
beforeEach(() => {
  browser.address = `10.${[...randomBytes(3)].join(".")}`;
  browser.cookies.clear();
});

/** A request to one signer (who must verify their identity, or not), and the signer's and the credits' state. */
async function sentRequest(requireVerification = false) {
  const { companyId, userId, accountId } = await companyWithCredits("itsme_proxy", 3n);
  const { id, links } = await createSignatureRequest({
    companyId,
    requesterId: userId,
    request: { title: "Service agreement", signers: [{ name: "Marie Dupont", email: "marie@example.com", requireVerification }] },
    fileName: "agreement.pdf",
    pdf: await samplePdf(),
  });
  const signerId = links[0].signerId;
  const read = async () => ({
    request: await prisma().signatureRequest.findUniqueOrThrow({ where: { id }, select: { state: true, completedAt: true } }),
    signer: await prisma().signer.findUniqueOrThrow({ where: { id: signerId }, select: { status: true, signedAt: true, refusedAt: true, refusalReason: true } }),
    credits: await accountCredits(accountId),
  });
  return { requestId: id, signerId, token: links[0].url.split("/s/")[1], read };
}

const TYPED = { kind: "TYPED", text: "Marie Dupont" };
const NOT_VALID = "This signing link is not valid.";

describe("signAction", () => {
  it("the signer's own link signs once: the request completes, a second post is refused", async () => {
    const { token, read } = await sentRequest();
    expect(await signAction(null, formOf({ token, ...TYPED }))).toEqual({ ok: true, message: "Signed. Thank you!" });
    const signed = await read();
    expect(signed).toMatchObject({ request: { state: "COMPLETED" }, signer: { status: "SIGNED", signedAt: expect.any(Date) } });
    expect(await signAction(null, formOf({ token, ...TYPED }))).toMatchObject({ ok: false, code: "refused", message: "You have already signed this document." });
    expect(await read()).toEqual(signed);
  });

  it("a wrong token, an expired link, or a signer who must verify first: refused with the words, nothing signed", async () => {
    const { signerId, token, read } = await sentRequest();
    const before = await read();
    const wrong = randomBytes(32).toString("base64url");
    expect(await signAction(null, formOf({ token: wrong, ...TYPED }))).toMatchObject({ ok: false, code: "refused", message: NOT_VALID });
    expect(await signAction(null, formOf({ token: `${token.slice(0, -1)}x`, ...TYPED }))).toMatchObject({ ok: false, code: "refused", message: NOT_VALID });
    await prisma().signer.update({ where: { id: signerId }, data: { tokenExpiresAt: new Date(Date.now() - 1000) } });
    expect(await signAction(null, formOf({ token, ...TYPED }))).toMatchObject({ ok: false, code: "refused", message: "This signing link has expired. Ask the sender for a new one." });
    expect(await read()).toEqual(before);

    const verifying = await sentRequest(true);
    const unverified = await verifying.read();
    expect(await signAction(null, formOf({ token: verifying.token, ...TYPED }))).toMatchObject({ ok: false, code: "refused", message: "Verify your identity before signing." });
    expect(await verifying.read()).toEqual(unverified);
  });

  it("no token, or an empty signature: field errors, nothing signed", async () => {
    const { token, read } = await sentRequest();
    const before = await read();
    expect(await signAction(null, formOf({ token: "", ...TYPED }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { token: ["Too small: expected string to have >=1 characters"] } });
    expect(await signAction(null, formOf({ token, kind: "TYPED", text: " " }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { text: ["Type your name to sign."] } });
    expect(await read()).toEqual(before);
  });

  it("more than 60 posts a minute from one address: refused before the token is even looked at", async () => {
    const { token, read } = await sentRequest();
    const before = await read();
    const wrong = randomBytes(32).toString("base64url");
    for (let i = 0; i < 60; i++) await signAction(null, formOf({ token: wrong, ...TYPED }));
    expect(await signAction(null, formOf({ token, ...TYPED }))).toMatchObject({ ok: false, code: "refused", message: "Too many requests from your network. Wait a minute, then try again." });
    expect(await read()).toEqual(before);
  });
});

describe("refuseAction", () => {
  it("the signer refuses with a reason; the link then signs nothing; a wrong token or an overlong reason changes nothing", async () => {
    const { token, read } = await sentRequest();
    const before = await read();
    expect(await refuseAction(null, formOf({ token: randomBytes(32).toString("base64url"), reason: "No" }))).toMatchObject({ ok: false, code: "refused", message: NOT_VALID });
    expect(await refuseAction(null, formOf({ token, reason: "x".repeat(501) }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { reason: ["Keep the reason under 500 characters."] } });
    expect(await read()).toEqual(before);

    expect(await refuseAction(null, formOf({ token, reason: " The price is wrong. " }))).toEqual({ ok: true, message: "You refused to sign. The sender has been notified." });
    const refused = await read();
    expect(refused.signer).toMatchObject({ status: "REFUSED", refusalReason: "The price is wrong.", signedAt: null });
    expect(await signAction(null, formOf({ token, ...TYPED }))).toMatchObject({ ok: false, code: "refused", message: "You refused to sign this document." });
    expect(await read()).toEqual(refused);
  });
});

describe("startVerificationAction", () => {
  it("the signer's link: one credit held, the login remembered in this browser, off to the provider", async () => {
    const { token, read } = await sentRequest(true);
    const target = await redirectOf(() => startVerificationAction(null, formOf({ token })));
    expect(target).toMatch(new RegExp(`^${provider.issuer}/`));
    expect(browser.cookies.get(LOGIN_COOKIE)).toBeTruthy();
    expect((await read()).credits).toEqual({ balance: 3n, held: 1n });
  });

  it("a wrong token, or a signer with nothing to verify: refused, no credit held and no cookie set", async () => {
    const { read } = await sentRequest(true);
    const plain = await sentRequest(false);
    expect(await startVerificationAction(null, formOf({ token: randomBytes(32).toString("base64url") }))).toMatchObject({
      ok: false,
      code: "refused",
      message: "This signing link is not valid or has expired.",
    });
    expect(await startVerificationAction(null, formOf({ token: plain.token }))).toMatchObject({
      ok: false,
      code: "refused",
      message: "There is no identity verification to do for this link.",
    });
    expect((await read()).credits).toEqual({ balance: 3n, held: 0n });
    expect((await plain.read()).credits).toEqual({ balance: 3n, held: 0n });
    expect(browser.cookies.size).toBe(0);
  });
});
