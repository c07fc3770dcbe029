import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as callbackRoute } from "@/app/api/identity/callback/route";
import { pool, prisma } from "@/lib/db/client";
import { exchangeCallback } from "@/lib/identity/client";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { InsufficientCreditsError } from "@/lib/iap/errors";
import { debit, grant } from "@/lib/iap/ledger";
import { deliverableContent } from "@/lib/mail/secret-link";
import { createCompany } from "@/tests/support/fixtures";
import { APP_URL, loginAtProvider, startIdentityProvider } from "@/tests/support/identity-provider";
import { pdfText, samplePdf } from "@/tests/support/pdf";
import { getRequestPdf, getSignatureRequest } from "./request-views";
import { createSignatureRequest } from "./requests";
import { findSigningSession, refuseDocument, signDocument, SigningError } from "./signing";
import { sha256Hex } from "./tokens";
import { signWords } from "./words";
import { completeVerification, LOGIN_COOKIE, loginCookieValue, startVerification } from "./verification";

// Against a real OpenID Provider (oidc-provider, the built-in test identity
// provider on a loopback port) and the real credits engine on PostgreSQL.

let provider: Awaited<ReturnType<typeof startIdentityProvider>>;

beforeAll(async () => {
  provider = await startIdentityProvider();
});

afterAll(async () => {
  await provider?.stop();
});

async function companyWithCredits(credits: number) {
  const fixture = await createCompany();
  const account = await getOrCreateAccount(fixture.company.id, "itsme_proxy");
  if (credits > 0) await grant(account, BigInt(credits), { kind: "ADJUSTMENT", description: "test credits", idempotencyKey: "test-credits" });
  return { ...fixture, account };
}

async function accountState(accountId: number) {
  const { rows } = await pool().query("SELECT balance, held FROM iap_account WHERE id = $1", [accountId]);
  return { balance: BigInt(rows[0].balance), held: BigInt(rows[0].held) };
}

async function usageEntries(accountId: number) {
  const { rows } = await pool().query("SELECT amount FROM ledger_entry WHERE account_id = $1 AND kind = 'USAGE'", [accountId]);
  return rows.map((row) => BigInt(row.amount));
}

async function newRequest(companyId: number, requesterId: number, signers: { name: string; email: string; requireVerification: boolean }[]) {
  const pdf = await samplePdf();
  const created = await createSignatureRequest({ companyId, requesterId, request: { title: "Service agreement", signers }, fileName: "agreement.pdf", pdf });
  return { ...created, pdf, tokens: created.links.map((link) => link.url.split("/s/")[1]) };
}

async function verify(token: string, identity: string) {
  const started = await startVerification(token);
  if (!started.ok) throw new Error(started.code);
  const callback = await loginAtProvider(started.url, identity);
  return { started, callback, result: await completeVerification(started.loginId, token, callback) };
}

describe("signer identification through OpenID Connect", () => {
  it("happy path: verify, sign, stamped PDF with the audit page, one credit charged", async () => {
    const { company, admin, account } = await companyWithCredits(3);
    const { id, tokens, pdf } = await newRequest(company.id, admin.id, [{ name: "Marie Dupont", email: "marie@example.com", requireVerification: true }]);

    const emails = await prisma().outgoingEmail.findMany({ where: { companyId: company.id } });
    expect(emails).toHaveLength(1);
    expect(emails[0].to).toBe("marie@example.com");
    // Stored without the link (nor the token anywhere in the row); delivered with it.
    expect(JSON.stringify(emails[0])).not.toContain(tokens[0]);
    expect(deliverableContent(emails[0]).text).toContain(`/s/${tokens[0]}`);
    expect(emails[0].text).toContain("verify your identity with Local OpenID Provider");

    const started = await startVerification(tokens[0]);
    if (!started.ok) throw new Error(started.code);
    expect(new URL(started.url).searchParams.get("code_challenge_method")).toBe("S256");
    expect(await accountState(account.id)).toEqual({ balance: 3n, held: 1n });

    const callback = await loginAtProvider(started.url, "test-marie-dupont");
    expect(callback.searchParams.get("code")).toBeTruthy();
    const result = await completeVerification(started.loginId, tokens[0], callback);
    expect(result).toEqual({ ok: true, nameMismatch: false });
    expect(await accountState(account.id)).toEqual({ balance: 2n, held: 0n });
    expect(await usageEntries(account.id)).toEqual([-1n]);

    const session = await findSigningSession(tokens[0]);
    expect(session.signer).toMatchObject({ status: "VERIFIED", verifiedName: "Marie Dupont", verifiedBirthdate: "1985-04-12", verifiedProvider: "Local OpenID Provider" });

    expect(await signDocument(tokens[0], { kind: "TYPED", text: "Marie Dupont" }, "203.0.113.7")).toEqual({ completed: true });
    const request = await getSignatureRequest(company.id, id);
    expect(request?.state).toBe("COMPLETED");
    expect(request?.signers[0].status).toBe("SIGNED");

    const signed = await getRequestPdf(company.id, id, "signed");
    const pages = await pdfText(signed!.bytes);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain("Service agreement between the parties.");
    expect(pages[0]).toContain("Verified signer Marie Dupont");
    const audit = pages[1];
    expect(audit).toContain("Signature audit trail");
    expect(audit).toContain(sha256Hex(pdf));
    expect(audit).toContain("Verified name");
    expect(audit).toContain("Marie Dupont");
    expect(audit).toContain("1985-04-12");
    expect(audit).toContain("Local OpenID Provider");
    expect(audit).toContain("203.0.113.7");
    expect(audit).toContain("marie@example.com");

    const outcome = await prisma().outgoingEmail.findFirst({ where: { companyId: company.id, dedupeKey: `sign:outcome:${id}` } });
    expect(outcome?.to).toBe(admin.email);
  });

  it("a callback whose state does not match is refused and its credit released", async () => {
    const { company, admin, account } = await companyWithCredits(2);
    const { tokens } = await newRequest(company.id, admin.id, [{ name: "Marie Dupont", email: "m@example.com", requireVerification: true }]);
    const started = await startVerification(tokens[0]);
    if (!started.ok) throw new Error(started.code);
    const callback = await loginAtProvider(started.url, "test-marie-dupont");
    callback.searchParams.set("state", "forged-state");

    const result = await completeVerification(started.loginId, tokens[0], callback);
    expect(result).toMatchObject({ ok: false, reason: "failed" });
    expect(await accountState(account.id)).toEqual({ balance: 2n, held: 0n });
    expect(await usageEntries(account.id)).toEqual([]);
    expect((await findSigningSession(tokens[0])).signer?.status).toBe("SENT");
    await expect(signDocument(tokens[0], { kind: "TYPED", text: "Marie" }, null)).rejects.toMatchObject({ code: "verify-first" });
  });

  it("a replayed code is refused: by the single-use login and by the provider; charged once", async () => {
    const { company, admin, account } = await companyWithCredits(2);
    const { tokens } = await newRequest(company.id, admin.id, [{ name: "Marie Dupont", email: "m@example.com", requireVerification: true }]);
    const { started, callback, result } = await verify(tokens[0], "test-marie-dupont");
    expect(result.ok).toBe(true);

    const replay = await completeVerification(started.loginId, tokens[0], callback);
    expect(replay).toMatchObject({ ok: false, reason: "used" });
    expect(await accountState(account.id)).toEqual({ balance: 1n, held: 0n });
    expect(await usageEntries(account.id)).toEqual([-1n]);

    // Even past our guard, the provider rejects a code used once (invalid_grant).
    const login = await prisma().identityLogin.findUniqueOrThrow({ where: { id: started.loginId } });
    await expect(exchangeCallback(callback, { state: login.state, nonce: login.nonce, codeVerifier: login.codeVerifier })).rejects.toMatchObject({ error: "invalid_grant" });
    // A verified signer cannot start (and pay for) another verification.
    expect(await startVerification(tokens[0])).toMatchObject({ ok: false, reason: "not-allowed" });
  });

  it("an expired signing link can neither verify nor sign", async () => {
    const { company, admin, account } = await companyWithCredits(2);
    const { id, tokens } = await newRequest(company.id, admin.id, [{ name: "Jan Janssens", email: "jan@example.com", requireVerification: true }]);
    await prisma().signer.updateMany({ where: { requestId: id }, data: { tokenExpiresAt: new Date(Date.now() - 1000) } });

    expect(await findSigningSession(tokens[0])).toEqual({ problem: "expired" });
    expect(await startVerification(tokens[0])).toMatchObject({ ok: false, reason: "not-allowed" });
    await expect(signDocument(tokens[0], { kind: "TYPED", text: "Jan" }, null)).rejects.toThrow(SigningError);
    expect(await accountState(account.id)).toEqual({ balance: 2n, held: 0n });
    expect(await findSigningSession("A".repeat(43))).toEqual({ problem: "invalid" });
  });

  it("a verified name that differs from the signer's is flagged for the requester, not silently accepted", async () => {
    const { company, admin, account } = await companyWithCredits(1);
    const { id, tokens } = await newRequest(company.id, admin.id, [{ name: "Marie Dupont", email: "m@example.com", requireVerification: true }]);
    // Through the callback route this time, with the login cookie the browser carries.
    const started = await startVerification(tokens[0]);
    if (!started.ok) throw new Error(started.code);
    const callback = await loginAtProvider(started.url, "test-jan-janssens");
    expect((await callbackRoute(new NextRequest(callback))).status).toBe(400);
    const answer = await callbackRoute(new NextRequest(callback, { headers: { cookie: `${LOGIN_COOKIE}=${loginCookieValue(started.loginId, tokens[0])}` } }));
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe(`${APP_URL}/s/${tokens[0]}?verification=verified`);
    expect(answer.headers.get("set-cookie")).toMatch(new RegExp(`^${LOGIN_COOKIE}=;`));
    const request = await getSignatureRequest(company.id, id);
    expect(request?.signers[0]).toMatchObject({ nameMismatch: true, verifiedName: "Jan Janssens", name: "Marie Dupont" });
    expect(await accountState(account.id)).toEqual({ balance: 0n, held: 0n });

    await signDocument(tokens[0], { kind: "TYPED", text: "Jan Janssens" }, "198.51.100.1");
    const audit = (await pdfText((await getRequestPdf(company.id, id, "signed"))!.bytes)).at(-1)!;
    expect(audit).toContain("The verified name differs from the name given by the requester (Marie Dupont).");
  });

  it("cancelling at the provider releases the credit; a new attempt is charged once", async () => {
    const { company, admin, account } = await companyWithCredits(1);
    const { tokens } = await newRequest(company.id, admin.id, [{ name: "Sophie Peeters", email: "s@example.com", requireVerification: true }]);
    const started = await startVerification(tokens[0]);
    if (!started.ok) throw new Error(started.code);
    expect(await accountState(account.id)).toEqual({ balance: 1n, held: 1n });
    const callback = await loginAtProvider(started.url, "cancel");
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect(await completeVerification(started.loginId, tokens[0], callback)).toMatchObject({ ok: false, reason: "cancelled" });
    expect(await accountState(account.id)).toEqual({ balance: 1n, held: 0n });
    const holds = await pool().query("SELECT status FROM credit_hold WHERE account_id = $1", [account.id]);
    expect(holds.rows.map((row) => row.status)).toEqual(["RELEASED"]);

    // Clicking again while an attempt is open supersedes it: still one credit held, not two.
    const first = await startVerification(tokens[0]);
    const second = await startVerification(tokens[0]);
    if (!first.ok || !second.ok) throw new Error("verification did not start");
    expect(await accountState(account.id)).toEqual({ balance: 1n, held: 1n });
    const stale = await loginAtProvider(first.url, "test-sophie-peeters");
    expect(await completeVerification(first.loginId, tokens[0], stale)).toMatchObject({ ok: false, reason: "used" });

    const again = await verify(tokens[0], "test-sophie-peeters");
    expect(again.result.ok).toBe(true);
    expect(await accountState(account.id)).toEqual({ balance: 0n, held: 0n });
    expect(await usageEntries(account.id)).toEqual([-1n]);
  });

  it("sending without credits for every verifying signer shows the buy prompt and sends nothing", async () => {
    const { company, admin } = await companyWithCredits(1);
    const error = await newRequest(company.id, admin.id, [
      { name: "Marie Dupont", email: "m@example.com", requireVerification: true },
      { name: "Jan Janssens", email: "j@example.com", requireVerification: true },
      { name: "Sophie Peeters", email: "s@example.com", requireVerification: false },
    ]).catch((caught) => caught);
    expect(error).toBeInstanceOf(InsufficientCreditsError);
    expect(error).toMatchObject({ needed: 2n, available: 1n, buyUrl: "/iap/buy/itsme_proxy" });
    expect(await prisma().signatureRequest.count({ where: { companyId: company.id } })).toBe(0);
    expect(await prisma().outgoingEmail.count({ where: { companyId: company.id } })).toBe(0);
    // Without verification, no credits are needed.
    const plain = await newRequest(company.id, admin.id, [{ name: "Sophie Peeters", email: "s@example.com", requireVerification: false }]);
    expect(plain.links).toHaveLength(1);
  });

  it("credits gone by the time the signer verifies: neutral message for the signer, e-mail to the requester", async () => {
    const { company, admin, account } = await companyWithCredits(1);
    const { tokens } = await newRequest(company.id, admin.id, [{ name: "Marie Dupont", email: "m@example.com", requireVerification: true }]);
    await debit(account, 1n, { description: "spent elsewhere", idempotencyKey: "spent" });

    const started = await startVerification(tokens[0]);
    expect(started).toEqual({ ok: false, reason: "unavailable", code: "unavailable" });
    expect(signWords("en", "errors.verification")("unavailable")).not.toMatch(/credit|buy|billing/i);
    await startVerification(tokens[0]);
    const notices = await prisma().outgoingEmail.findMany({ where: { companyId: company.id, to: admin.email } });
    expect(notices).toHaveLength(1);
    expect(notices[0].subject).toBe("Identity verification unavailable: Service agreement");
    expect(notices[0].text).toContain("/iap/buy/itsme_proxy");
    expect(await accountState(account.id)).toEqual({ balance: 0n, held: 0n });
  });

  it("several signers: the PDF is stamped when the last one signs; a refusal closes the request", async () => {
    const { company, admin } = await companyWithCredits(0);
    const { id, tokens } = await newRequest(company.id, admin.id, [
      { name: "Sophie Peeters", email: "s@example.com", requireVerification: false },
      { name: "Jan Janssens", email: "j@example.com", requireVerification: false },
    ]);
    const png = (await samplePng()).toString("base64");
    expect(await signDocument(tokens[0], { kind: "DRAWN", png: `data:image/png;base64,${png}` }, "192.0.2.1")).toEqual({ completed: false });
    expect(await getRequestPdf(company.id, id, "signed")).toBeNull();
    expect(await signDocument(tokens[1], { kind: "TYPED", text: "Jan Janssens" }, "192.0.2.2")).toEqual({ completed: true });
    const audit = (await pdfText((await getRequestPdf(company.id, id, "signed"))!.bytes)).at(-1)!;
    expect(audit).toContain("Drawn by hand");
    expect(audit).toContain("Not verified (not required by the requester)");
    await expect(signDocument(tokens[1], { kind: "TYPED", text: "again" }, null)).rejects.toMatchObject({ code: "already-signed" });

    const second = await newRequest(company.id, admin.id, [
      { name: "Sophie Peeters", email: "s@example.com", requireVerification: false },
      { name: "Jan Janssens", email: "j@example.com", requireVerification: false },
    ]);
    await refuseDocument(second.tokens[0], "Wrong amount", "192.0.2.3");
    expect((await getSignatureRequest(company.id, second.id))?.state).toBe("REFUSED");
    await expect(signDocument(second.tokens[1], { kind: "TYPED", text: "Jan" }, null)).rejects.toMatchObject({ code: "closed" });
  });

  it("a request in French: the signer's e-mail is French, the requester's notice in the requester's own language (Chinese)", async () => {
    const { company, admin } = await companyWithCredits(0);
    await prisma().user.update({ where: { id: admin.id }, data: { locale: "zh-CN" } });
    const pdf = await samplePdf();
    const signers = [{ name: "Marie Dupont", email: "marie@example.com", requireVerification: false }];
    const { id, links } = await createSignatureRequest({ companyId: company.id, requesterId: admin.id, request: { title: "Contrat", locale: "fr", signers }, fileName: "contrat.pdf", pdf });
    const invitation = await prisma().outgoingEmail.findFirstOrThrow({ where: { companyId: company.id, to: "marie@example.com" } });
    expect(invitation.subject).toBe("Document à signer\u00a0: Contrat");
    expect(invitation.text).toContain("Bonjour Marie Dupont,");

    await refuseDocument(links[0].url.split("/s/")[1], "Montant erroné", null);
    const notice = await prisma().outgoingEmail.findFirstOrThrow({ where: { companyId: company.id, dedupeKey: `sign:outcome:${id}` } });
    expect(notice.subject).toBe("Marie Dupont 已拒绝：Contrat");
    expect(notice.text).toContain("Marie Dupont 拒绝签署“Contrat”。理由：Montant erroné");
  });
});

async function samplePng(): Promise<Buffer> {
  // 1×1 transparent PNG.
  return Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
}
