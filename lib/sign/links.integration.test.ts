// The requester's side of a request after it was sent: the signer's state
// follows the outbox (Sent only once the e-mail left), a new link replaces
// the old one (copy or resend), and a canceled request signs nothing.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { deliverEmail } from "@/lib/mail/delivery";
import { createCompany } from "@/tests/support/fixtures";
import { samplePdf } from "@/tests/support/pdf";
import { getSignatureRequest, listSignatureRequests } from "./request-views";
import { createSignatureRequest } from "./requests";
import { cancelSignatureRequest, renewSigningLink, SignerActionError } from "./signer-actions";
import { findSigningSession, signDocument, SigningError } from "./signing";
import { hashToken } from "./tokens";

async function sentRequest() {
  const { company, admin, user } = await createCompany();
  const created = await createSignatureRequest({
    companyId: company.id,
    requesterId: user.id,
    request: { title: "Lease", signers: [{ name: "Marie Dupont", email: "marie@example.com", requireVerification: false }] },
    fileName: "lease.pdf",
    pdf: await samplePdf(),
  });
  const requester = { id: user.id, companyId: company.id, role: "USER" };
  return { companyId: company.id, requestId: created.id, signerId: created.links[0].signerId, token: created.links[0].url.split("/s/")[1], requester, admin: { id: admin.id, companyId: company.id, role: "ADMIN" } };
}

const signerOf = async (companyId: number, requestId: number) => (await getSignatureRequest(companyId, requestId))!.signers[0];

describe("a signer's state follows the e-mail", () => {
  it("is 'waiting' with the outbox's reason until the e-mail left, then 'sent'", async () => {
    const { companyId, requestId } = await sentRequest();
    expect(await signerOf(companyId, requestId)).toMatchObject({ progress: "waiting", emailProblem: null });

    // No SMTP server in tests: composed, kept, with the reason.
    // What the "mail.deliver" jobs do, one e-mail each.
    for (const email of await prisma().outgoingEmail.findMany({ where: { companyId }, select: { id: true } })) await deliverEmail(email.id);
    const waiting = await signerOf(companyId, requestId);
    expect(waiting.progress).toBe("waiting");
    expect(waiting.emailProblem).toMatch(/no SMTP server is configured/);

    await prisma().outgoingEmail.updateMany({ where: { companyId }, data: { state: "SENT", sentAt: new Date(), lastError: null } });
    expect(await signerOf(companyId, requestId)).toMatchObject({ progress: "sent", emailProblem: null });
    expect((await listSignatureRequests(companyId))[0].signers[0].progress).toBe("sent");

    await prisma().outgoingEmail.updateMany({ where: { companyId }, data: { state: "FAILED", lastError: "550 mailbox unavailable" } });
    expect(await signerOf(companyId, requestId)).toMatchObject({ progress: "not-sent", emailProblem: "550 mailbox unavailable" });
  });
});

describe("a new link", () => {
  it("copy: the old link stops working, the new one signs; only its hash is stored", async () => {
    const { companyId, requestId, signerId, token, requester } = await sentRequest();
    const { url } = await renewSigningLink(requester, requestId, signerId, { email: false });
    const fresh = url.split("/s/")[1];
    expect(fresh).not.toBe(token);
    expect((await findSigningSession(token)).problem).toBe("invalid");
    expect((await findSigningSession(fresh)).signer?.id).toBe(signerId);
    const stored = await prisma().signer.findUniqueOrThrow({ where: { id: signerId } });
    expect(stored.tokenHash).toBe(hashToken(fresh));
    expect(JSON.stringify(stored)).not.toContain(fresh);
    // No e-mail for a copied link.
    expect(await prisma().outgoingEmail.count({ where: { companyId } })).toBe(1);
    await signDocument(fresh, { kind: "TYPED", text: "Marie Dupont" }, null);
    expect((await signerOf(companyId, requestId)).progress).toBe("signed");
    // Signed: no more links for this signer.
    await expect(renewSigningLink(requester, requestId, signerId, { email: false })).rejects.toEqual(new SignerActionError("closed"));
  });

  it("resend: a new e-mail with the new link, which the signer's state then follows", async () => {
    const { companyId, requestId, signerId, requester } = await sentRequest();
    await prisma().outgoingEmail.updateMany({ where: { companyId }, data: { state: "SENT", sentAt: new Date() } });
    expect((await signerOf(companyId, requestId)).progress).toBe("sent");
    const { url } = await renewSigningLink(requester, requestId, signerId, { email: true });
    const emails = await prisma().outgoingEmail.findMany({ where: { companyId }, orderBy: { id: "asc" } });
    expect(emails).toHaveLength(2);
    expect(emails[1]).toMatchObject({ to: "marie@example.com", state: "QUEUED" });
    expect(emails[1].text).toContain(url);
    expect((await signerOf(companyId, requestId)).progress).toBe("waiting");
  });

  it("only the requester or an administrator of the company", async () => {
    const { requestId, signerId, companyId, admin } = await sentRequest();
    const other = await createCompany();
    const colleague = await prisma().user.create({ data: { companyId, email: `colleague-${Date.now()}@test.example`, name: "Colleague", passwordHash: "x", role: "USER" } });
    await expect(renewSigningLink({ id: colleague.id, companyId, role: "USER" }, requestId, signerId, { email: false })).rejects.toEqual(new SignerActionError("not-allowed"));
    await expect(renewSigningLink({ id: other.admin.id, companyId: other.company.id, role: "ADMIN" }, requestId, signerId, { email: false })).rejects.toEqual(new SignerActionError("not-found"));
    await expect(renewSigningLink(admin, requestId, signerId, { email: false })).resolves.toMatchObject({ url: expect.stringContaining("/s/") });
  });
});

describe("canceling a request", () => {
  it("its links no longer sign; it cannot be canceled twice", async () => {
    const { companyId, requestId, signerId, token, requester } = await sentRequest();
    await cancelSignatureRequest(requester, requestId);
    expect((await getSignatureRequest(companyId, requestId))!.state).toBe("CANCELED");
    await expect(signDocument(token, { kind: "TYPED", text: "Marie Dupont" }, null)).rejects.toEqual(new SigningError("canceled"));
    await expect(cancelSignatureRequest(requester, requestId)).rejects.toEqual(new SignerActionError("closed"));
    await expect(renewSigningLink(requester, requestId, signerId, { email: true })).rejects.toEqual(new SignerActionError("closed"));
  });
});
