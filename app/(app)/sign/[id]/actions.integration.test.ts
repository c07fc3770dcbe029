// A sent request's actions (Copy link, Resend, Cancel) as a direct POST would
// run them: only the session lookup is replaced. Who may act is the
// requester or an administrator of the request's company; anyone else's post
// must leave the signer's link (its token hash) and the request as they were.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { createSignatureRequest } from "@/lib/sign/requests";
import { findSigningSession } from "@/lib/sign/signing";
import { formOf, withEnv } from "@/tests/support/billing";
import { createCompany } from "@/tests/support/fixtures";
import { samplePdf } from "@/tests/support/pdf";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("@/lib/auth/session-token", () => ({ sessionUserId: async () => session.userId }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { cancelSignatureRequestAction, copySigningLinkAction, resendSigningEmailAction } = await import("./actions");

const APP_URL = "http://localhost:3999";
let restoreEnv: () => void;
beforeAll(() => {
  restoreEnv = withEnv({ APP_URL });
});
afterAll(() => restoreEnv());
beforeEach(() => {
  session.userId = null;
});

/** A request sent by the company's USER to one signer, and what the signer's link and the request look like. */
async function sentRequest() {
  const fixture = await createCompany();
  const { id, links } = await createSignatureRequest({
    companyId: fixture.company.id,
    requesterId: fixture.user.id,
    request: { title: "Service agreement", signers: [{ name: "Marie Dupont", email: "marie@example.com", requireVerification: false }] },
    fileName: "agreement.pdf",
    pdf: await samplePdf(),
  });
  const signerId = links[0].signerId;
  const read = async () => ({
    request: await prisma().signatureRequest.findUniqueOrThrow({ where: { id }, select: { state: true } }),
    signer: await prisma().signer.findUniqueOrThrow({ where: { id: signerId }, select: { tokenHash: true, tokenExpiresAt: true, emailId: true } }),
    emails: await prisma().outgoingEmail.count({ where: { companyId: fixture.company.id } }),
  });
  return { ...fixture, requestId: id, signerId, token: links[0].url.split("/s/")[1], read };
}

/** Whether the link opens the signing page (rather than "This signing link is not valid"). */
const works = async (token: string) => (await findSigningSession(token)).signer !== undefined;

describe("copySigningLinkAction and resendSigningEmailAction", () => {
  it("the requester's new link works and the old one stops; Resend queues it to the signer without showing it", async () => {
    const { user, requestId, signerId, token, read } = await sentRequest();
    session.userId = user.id;
    const copied = await copySigningLinkAction(null, formOf({ requestId, signerId }));
    expect(copied).toMatchObject({ ok: true, message: expect.stringMatching(/^New link made/), data: { url: expect.stringMatching(new RegExp(`^${APP_URL}/s/`)) } });
    const copiedToken = (copied.ok && copied.data?.url.split("/s/")[1]) || "";
    expect(await works(token)).toBe(false);
    expect(await works(copiedToken)).toBe(true);

    const before = await read();
    const resent = await resendSigningEmailAction(null, formOf({ requestId, signerId }));
    expect(resent).toEqual({ ok: true, message: "A new link is queued to the signer; the previous one no longer works." });
    expect(await works(copiedToken)).toBe(false);
    expect((await read()).emails).toBe(before.emails + 1);
  });

  it("another company's admin, or a USER who did not send it: refused, the signer's link unchanged and no e-mail queued", async () => {
    const { company, requestId, signerId, token, read } = await sentRequest();
    const before = await read();
    const { admin: stranger } = await createCompany();
    session.userId = stranger.id;
    expect(await copySigningLinkAction(null, formOf({ requestId, signerId }))).toMatchObject({ ok: false, code: "refused", message: "This request does not exist (any more)." });
    expect(await resendSigningEmailAction(null, formOf({ requestId, signerId }))).toMatchObject({ ok: false, code: "refused", message: "This request does not exist (any more)." });
    const colleague = await prisma().user.create({ data: { companyId: company.id, email: `colleague-${company.id}@test.example`, name: "Colleague", passwordHash: "x", role: "USER" } });
    session.userId = colleague.id;
    expect(await resendSigningEmailAction(null, formOf({ requestId, signerId }))).toMatchObject({
      ok: false,
      code: "refused",
      message: "Only the person who sent this request, or an administrator, can do this.",
    });
    expect(await read()).toEqual(before);
    expect(await works(token)).toBe(true);
  });

  it("signed out, or ids that are not ids: refused before anything is looked up", async () => {
    const { user, requestId, signerId, read } = await sentRequest();
    const before = await read();
    expect(await copySigningLinkAction(null, formOf({ requestId, signerId }))).toMatchObject({ ok: false, code: "signed-out" });
    session.userId = user.id;
    expect(await copySigningLinkAction(null, formOf({ requestId: "abc", signerId: "-1" }))).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { requestId: ["Unknown request. Reload the page."], signerId: ["Unknown signer. Reload the page."] },
    });
    expect(await read()).toEqual(before);
  });
});

describe("cancelSignatureRequestAction", () => {
  it("another company's admin cannot cancel; the company's admin can, then the link signs nothing and a second cancel is refused", async () => {
    const { admin, requestId, token, read } = await sentRequest();
    const { admin: stranger } = await createCompany();
    session.userId = stranger.id;
    expect(await cancelSignatureRequestAction(null, formOf({ requestId }))).toMatchObject({ ok: false, code: "refused", message: "This request does not exist (any more)." });
    expect((await read()).request).toEqual({ state: "SENT" });

    session.userId = admin.id;
    expect(await cancelSignatureRequestAction(null, formOf({ requestId }))).toEqual({ ok: true, message: "Request canceled: its links no longer sign anything." });
    expect((await read()).request).toEqual({ state: "CANCELED" });
    const signing = await findSigningSession(token);
    expect(signing.signer?.request.state).toBe("CANCELED");
    expect(await cancelSignatureRequestAction(null, formOf({ requestId }))).toMatchObject({ ok: false, code: "refused", message: expect.stringMatching(/^This request is closed/) });
  });
});
