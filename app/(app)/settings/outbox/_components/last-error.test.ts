// An e-mail's last error as an admin reads it in the outbox (and a requester on
// the signing page): the app's own markers in their language, a server's answer as it came.
import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/catalogue";
import { NOT_DELIVERED_NO_SMTP, SECRET_LINK_LOST } from "@/lib/mail/status";
import { lastErrorText } from "./last-error";

describe("an e-mail's last error in the reader's language", () => {
  it("words the app's own markers in French and Chinese, and keeps a mail server's answer as it came", () => {
    const fr = translatorFor("fr", "outbox");
    const zh = translatorFor("zh-CN", "outbox");
    expect(lastErrorText(NOT_DELIVERED_NO_SMTP, fr)).toBe("Non distribué\u00a0: aucun serveur SMTP n'est configuré (définissez SMTP_URL)");
    expect(lastErrorText(SECRET_LINK_LOST, zh)).toBe("此邮件中的个人链接已无法打开（排队后 NEXTAUTH_SECRET 已更改）：请重新发送一封。");
    expect(lastErrorText("550 5.1.1 mailbox unavailable", fr)).toBe("550 5.1.1 mailbox unavailable");
  });
});
