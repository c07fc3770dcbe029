// Account e-mails reach people in their language: an invitation in the
// inviting company's (its expiry in the company's zone), a reset in the user's.
import { describe, expect, it } from "vitest";
import { invitationEmail, passwordResetEmail } from "./emails";

const invitation = { inviteeName: "Léa <Martin>", inviterName: "Marc", companyName: "Dupont & Fils", link: "https://app.example/invite/abc", expiresAt: new Date("2026-12-08T10:00:00Z") };

describe("account e-mails", () => {
  it("English stays as it was: the expiry in UTC, said so", () => {
    const mail = invitationEmail(invitation);
    expect(mail.subject).toBe("Marc invited you to Dupont & Fils");
    expect(mail.text).toContain("The link works once, until 8 December 2026 at 10:00 UTC.");
    expect(mail.html).toContain('Link: <a href="https://app.example/invite/abc"');
    expect(mail.html).toContain('<html lang="en">');
  });

  it("a French company's invitation is French, the expiry in the company's zone, names escaped in the HTML", () => {
    const mail = invitationEmail({ ...invitation, locale: "fr", timeZone: "Europe/Paris" });
    expect(mail.subject).toBe("Marc vous invite à rejoindre Dupont & Fils");
    expect(mail.text).toContain("jusqu'au 8 décembre 2026 à 11:00 Europe/Paris");
    expect(mail.html).toContain("<strong>Dupont &amp; Fils</strong>");
    expect(mail.html).toContain("Bonjour Léa &lt;Martin&gt;,");
    expect(mail.html).not.toContain("<Martin>");
    // The link spelled out under the button is labelled in French too, with French typography.
    expect(mail.html).toContain('Lien\u00a0: <a href="https://app.example/invite/abc"');
    expect(mail.html).not.toContain("Link:");
    expect(mail.html).toContain('<html lang="fr">');
  });

  it("a reset for a Chinese reader is Chinese, with the link", () => {
    const mail = passwordResetEmail({ name: "王芳", link: "https://app.example/reset-password/xyz", locale: "zh-CN" });
    expect(mail.subject).toBe("重置您的 IAP 点数密码");
    expect(mail.text).toContain("王芳，您好：");
    expect(mail.text).toContain("https://app.example/reset-password/xyz");
    expect(mail.html).toContain('链接： <a href="https://app.example/reset-password/xyz"');
    expect(mail.html).not.toContain("Link:");
  });
});
