// The signing e-mails spell the button's link out under a label in the
// e-mail's own language (a French signer never reads "Link:").
import { describe, expect, it } from "vitest";
import { requestOutcomeEmail, signingRequestEmail } from "./emails";

const request = {
  title: "Contrat",
  requesterName: "Marc",
  companyName: "Dupont & Fils",
  signerName: "Léa",
  link: "https://app.example/sign/abc",
  expiresAt: new Date("2026-12-08T10:00:00Z"),
  verifyWith: null,
};

describe("signing e-mails", () => {
  it("English keeps its “Link:” label", () => {
    const mail = signingRequestEmail({ ...request, locale: "en" });
    expect(mail.html).toContain('Link: <a href="https://app.example/sign/abc"');
    expect(mail.html).toContain('<html lang="en">');
  });

  it("a French signer's e-mail labels the link in French, with French typography", () => {
    const mail = signingRequestEmail({ ...request, locale: "fr" });
    expect(mail.html).toContain('Lien\u00a0: <a href="https://app.example/sign/abc"');
    expect(mail.html).not.toContain("Link:");
    expect(mail.html).toContain('<html lang="fr">');
  });

  it("a Chinese requester's notice labels the link in Chinese", () => {
    const mail = requestOutcomeEmail({ locale: "zh-CN", title: "合同", requestUrl: "https://app.example/sign/requests/7", signerName: "王芳", outcome: "COMPLETED" });
    expect(mail.html).toContain('链接： <a href="https://app.example/sign/requests/7"');
    expect(mail.html).not.toContain("Link:");
  });
});
