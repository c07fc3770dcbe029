// "New signature request" as a direct POST would run it: only the session
// lookup is replaced; the PDF check, the signers' company scope, the credit
// check for verifications and the queued e-mails are the real ones. Either
// the whole request is created and sent, or nothing is.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { formOf, redirectOf, withEnv } from "@/tests/support/billing";
import { createCompany } from "@/tests/support/fixtures";
import { samplePdf } from "@/tests/support/pdf";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("@/lib/auth/session-token", () => ({ sessionUserId: async () => session.userId }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { sendSignatureRequestAction } = await import("./actions");

let restoreEnv: () => void;
beforeAll(() => {
  // No identity provider and no demo mode: verification is off unless a test configures one.
  restoreEnv = withEnv({ APP_URL: "http://localhost:3999", DEMO: undefined, IDENTITY_ISSUER_URL: undefined, IDENTITY_CLIENT_ID: undefined, IDENTITY_CLIENT_SECRET: undefined });
});
afterAll(() => restoreEnv());
beforeEach(() => {
  session.userId = null;
});

async function requestForm(fields: { title?: string; signers: unknown[] }, pdf?: Uint8Array) {
  const data = formOf({ title: fields.title ?? "Service agreement", signers: JSON.stringify(fields.signers) });
  const bytes = pdf ?? (await samplePdf());
  data.set("document", new File([new Uint8Array(bytes)], "agreement.pdf", { type: "application/pdf" }));
  return data;
}

/** Everything a request writes: the request, the signers it adds as contacts, the e-mails it queues. */
async function writtenBy(companyId: number) {
  const [requests, contacts, emails] = await Promise.all([
    prisma().signatureRequest.count({ where: { companyId } }),
    prisma().contact.count({ where: { companyId } }),
    prisma().outgoingEmail.count({ where: { companyId } }),
  ]);
  return { requests, contacts, emails };
}
const NOTHING = { requests: 0, contacts: 0, emails: 0 };
const MARIE = { name: "Marie Dupont", email: "marie@example.com" };

describe("sendSignatureRequestAction", () => {
  it("a user's request is created with its signer and their e-mail queued, and the form goes to its page", async () => {
    const { company, user } = await createCompany();
    session.userId = user.id;
    const target = await redirectOf(async () => sendSignatureRequestAction(null, await requestForm({ signers: [MARIE] })));
    const request = await prisma().signatureRequest.findFirstOrThrow({ where: { companyId: company.id }, include: { signers: true } });
    expect(target).toBe(`/sign/${request.id}`);
    expect(request).toMatchObject({ title: "Service agreement", requesterId: user.id, fileName: "agreement.pdf", state: "SENT" });
    expect(request.signers).toMatchObject([{ name: "Marie Dupont", email: "marie@example.com", status: "SENT" }]);
    expect(await prisma().outgoingEmail.findMany({ where: { companyId: company.id }, select: { to: true } })).toEqual([{ to: "marie@example.com" }]);
  });

  it("signed out, or no title, no signer and a file that is not a PDF: each refused beside its field, nothing created or sent", async () => {
    const { company, user } = await createCompany();
    expect(await sendSignatureRequestAction(null, await requestForm({ signers: [MARIE] }))).toMatchObject({ ok: false, code: "signed-out" });
    session.userId = user.id;
    expect(await sendSignatureRequestAction(null, await requestForm({ title: " ", signers: [] }))).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { title: ["Give the request a title."], signers: ["Add at least one signer."] },
    });
    expect(await sendSignatureRequestAction(null, await requestForm({ signers: [MARIE] }, new TextEncoder().encode("not a pdf")))).toMatchObject({
      ok: false,
      code: "refused",
      fieldErrors: { document: ["This file is not a PDF."] },
    });
    expect(await writtenBy(company.id)).toEqual(NOTHING);
  });

  it("another company's contact named as the signer: refused, and no e-mail goes to that contact", async () => {
    const { company, user } = await createCompany();
    const other = await createCompany();
    const theirs = await prisma().contact.create({ data: { companyId: other.company.id, name: "Their Client", email: "client@other.example" } });
    session.userId = user.id;
    expect(await sendSignatureRequestAction(null, await requestForm({ signers: [{ contactId: theirs.id }] }))).toMatchObject({
      ok: false,
      code: "refused",
      fieldErrors: { signers: ["Signer 1: choose a contact of your company that has an e-mail address."] },
    });
    expect(await writtenBy(company.id)).toEqual(NOTHING);
    expect(await prisma().outgoingEmail.count({ where: { to: "client@other.example" } })).toBe(0);
  });

  it("a signer who must verify: refused while no provider is configured, and the buy prompt when the credits are missing", async () => {
    const { company, user } = await createCompany();
    session.userId = user.id;
    const verified = { signers: [{ ...MARIE, requireVerification: true }] };
    expect(await sendSignatureRequestAction(null, await requestForm(verified))).toMatchObject({ ok: false, code: "refused", fieldErrors: { signers: [expect.stringMatching(/^Identity verification is not available on this server/)] } });

    // Configured (never called: the credits are checked before anything else happens).
    const restore = withEnv({ IDENTITY_ISSUER_URL: "http://127.0.0.1:9/", IDENTITY_CLIENT_ID: "client", IDENTITY_CLIENT_SECRET: "secret" });
    try {
      expect(await sendSignatureRequestAction(null, await requestForm(verified))).toMatchObject({ ok: false, code: "buy-credits", prompt: { kind: "buy-credits" } });
    } finally {
      restore();
    }
    expect(await writtenBy(company.id)).toEqual(NOTHING);
  });
});
