// Account e-mails reach people in their language: an invitation in the
// inviting company's (its expiry in the company's zone), a reset in the user's.
import { describe, it } from "vitest";
import { expectMail } from "@/tests/support/mail";
import { invitationEmail, passwordResetEmail } from "./emails";

const invitation = { inviteeName: "Léa <Martin>", inviterName: "Marc", companyName: "Dupont & Fils", link: "https://app.example/invite/abc", expiresAt: new Date("2026-12-08T10:00:00Z") };

describe("account e-mails", () => {
  it("English stays as it was: the expiry in UTC, said so", () => {
    expectMail(invitationEmail(invitation), {
      subject: "Marc invited you to Dupont & Fils",
      text: ["The link works once, until 8 December 2026 at 10:00 UTC."],
      html: ['Link: <a href="https://app.example/invite/abc"', '<html lang="en">'],
    });
  });

  it("a French company's invitation is French, the expiry in the company's zone, names escaped in the HTML", () => {
    expectMail(invitationEmail({ ...invitation, locale: "fr", timeZone: "Europe/Paris" }), {
      subject: "Marc vous invite à rejoindre Dupont & Fils",
      text: ["jusqu'au 8 décembre 2026 à 11:00 Europe/Paris"],
      html: [
        "<strong>Dupont &amp; Fils</strong>",
        "Bonjour Léa &lt;Martin&gt;,",
        // The link spelled out under the button is labelled in French too, with French typography.
        'Lien\u00a0: <a href="https://app.example/invite/abc"',
        '<html lang="fr">',
      ],
      notInHtml: ["<Martin>", "Link:"],
    });
  });

  it("a reset for a Chinese reader is Chinese, with the link", () => {
    expectMail(passwordResetEmail({ name: "王芳", link: "https://app.example/reset-password/xyz", locale: "zh-CN" }), {
      subject: "重置您的 IAP 点数密码",
      text: ["王芳，您好：", "https://app.example/reset-password/xyz"],
      html: ['链接： <a href="https://app.example/reset-password/xyz"'],
      notInHtml: ["Link:"],
    });
  });
});
