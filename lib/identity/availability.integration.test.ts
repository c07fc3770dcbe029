// Outside demo mode with no identity provider configured, signer verification
// is unavailable — the built-in test identity provider is for demos only — and
// says so; requests without verification still go out.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as testProviderRoute } from "@/app/api/test-idp/[[...path]]/route";
import { prisma } from "@/lib/db/client";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { grant } from "@/lib/iap/ledger";
import { createSignatureRequest, SignRequestError } from "@/lib/sign/requests";
import { startVerification } from "@/lib/sign/verification";
import { signWords } from "@/lib/sign/words";
import { withEnv } from "@/tests/support/billing";
import { createCompany } from "@/tests/support/fixtures";
import { samplePdf } from "@/tests/support/pdf";
import { identityProviderConfig, TEST_PROVIDER_LABEL } from "./config";

const NO_PROVIDER = { IDENTITY_ISSUER_URL: undefined, IDENTITY_CLIENT_ID: undefined, IDENTITY_CLIENT_SECRET: undefined, APP_URL: "http://localhost:3999" };

let restoreEnv: () => void;
beforeAll(() => {
  restoreEnv = withEnv({ ...NO_PROVIDER, DEMO: "0", IDENTITY_PROVIDER_NAME: "itsme" });
});
afterAll(() => restoreEnv());

async function requestWith(companyId: number, requesterId: number, requireVerification: boolean) {
  const pdf = await samplePdf();
  return createSignatureRequest({
    companyId,
    requesterId,
    request: { title: "Lease", signers: [{ name: "Marie Dupont", email: "marie@example.com", requireVerification }] },
    fileName: "lease.pdf",
    pdf,
  });
}

describe("signer identification outside demo mode, no provider configured", () => {
  it("refuses a request that asks for verification, with a message that says what to do; nothing is sent", async () => {
    const { company, admin } = await createCompany();
    await grant(await getOrCreateAccount(company.id, "itsme_proxy"), 5n, { kind: "ADJUSTMENT", description: "test", idempotencyKey: "t" });
    expect(identityProviderConfig()).toBeNull();
    const refused = await requestWith(company.id, admin.id, true).catch((error) => error);
    expect(refused).toBeInstanceOf(SignRequestError);
    expect(refused.code).toBe("identity-off");
    expect(signWords("en", "errors.request")(refused.code)).toMatch(/Identity verification is not available on this server.*untick “Require identity verification”/);
    expect(await prisma().signatureRequest.count({ where: { companyId: company.id } })).toBe(0);
    expect(await prisma().outgoingEmail.count({ where: { companyId: company.id } })).toBe(0);
  });

  it("still sends a request without verification", async () => {
    const { company, admin } = await createCompany();
    const { links } = await requestWith(company.id, admin.id, false);
    expect(links).toHaveLength(1);
    expect(await prisma().outgoingEmail.count({ where: { companyId: company.id } })).toBe(1);
  });

  it("a signer of a request sent with verification in demo mode cannot start it any more: told so, no credit held", async () => {
    const { company, admin } = await createCompany();
    const account = await getOrCreateAccount(company.id, "itsme_proxy");
    await grant(account, 5n, { kind: "ADJUSTMENT", description: "test", idempotencyKey: "t" });
    const restoreDemo = withEnv({ DEMO: "1" });
    const { links } = await requestWith(company.id, admin.id, true).finally(restoreDemo);
    const started = await startVerification(links[0].url.split("/s/")[1]);
    expect(started).toEqual({ ok: false, reason: "provider", code: "identity-off" });
    expect(await prisma().creditHold.count({ where: { accountId: account.id } })).toBe(0);
  });

  it("the built-in test identity provider answers 404 and says it runs in demo mode only", async () => {
    const response = await testProviderRoute(new NextRequest("http://localhost:3999/api/test-idp/.well-known/openid-configuration"));
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("The test identity provider is off: it runs in demo mode only (DEMO=1).");
  });

  it("in demo mode the test provider is used, and IDENTITY_PROVIDER_NAME never labels it", () => {
    const restoreDemo = withEnv({ DEMO: "1" });
    try {
      expect(identityProviderConfig()).toMatchObject({ isTestProvider: true, label: TEST_PROVIDER_LABEL });
    } finally {
      restoreDemo();
    }
  });
});
