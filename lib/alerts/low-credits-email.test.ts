import { describe, expect, it } from "vitest";
import { lowCreditsEmail, type LowCreditsInput } from "./low-credits-email";

const base: LowCreditsInput = {
  companyName: "Demo Company SA",
  service: { technicalName: "sms", name: "SMS", decimals: 2, unitName: "credits" },
  balance: 450n,
  threshold: 1_000n,
  appUrl: "https://erp.example.com",
};

describe("low-credit e-mail", () => {
  it("says the service, balance, threshold and links to Buy Credits, in text and HTML", () => {
    const mail = lowCreditsEmail(base);
    expect(mail.subject).toBe("Low credits: SMS (4.50 left)");
    expect(mail.text).toContain("Demo Company SA has 4.50 credits left for SMS, below the warning threshold of 10.00 credits.");
    expect(mail.text).toContain("Buy credits: https://erp.example.com/iap/buy/sms");
    expect(mail.html).toContain('<a href="https://erp.example.com/iap/buy/sms"');
    expect(mail.html).toContain("<strong>4.50 credits</strong>");
    expect(mail.html).toContain("<strong>10.00 credits</strong>");
  });

  it("groups thousands and escapes everything interpolated into HTML", () => {
    const mail = lowCreditsEmail({
      ...base,
      companyName: `<script>alert("x")</script> & Co`,
      service: { technicalName: "reveal", name: "Lead <Gen>", decimals: 0, unitName: "leads" },
      balance: 1_234n,
      threshold: 5_000n,
    });
    expect(mail.subject).toBe("Low credits: Lead <Gen> (1,234 left)");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co");
    expect(mail.html).toContain("Lead &lt;Gen&gt;");
    expect(mail.html).toContain('href="https://erp.example.com/iap/buy/reveal"');
    expect(mail.text).toContain("1,234 leads left");
  });

  it("in French and Chinese: the catalogue's words, the service's translated name and the reader's number format", () => {
    const fr = lowCreditsEmail({ ...base, locale: "fr", companyName: "Société Démo", service: { technicalName: "invoice_ocr", name: "Documents Digitization", decimals: 2, unitName: "credits" }, balance: 123_450n, threshold: 200_000n });
    expect(fr.subject).toBe("Crédits bas\u00a0: Numérisation des documents (il reste 1\u202f234,50)");
    expect(fr.text).toContain("Il reste à Société Démo 1\u202f234,50 crédits pour Numérisation des documents, sous le seuil d'avertissement de 2\u202f000,00 crédits.");
    expect(fr.text).toContain("Acheter des crédits\u00a0: https://erp.example.com/iap/buy/invoice_ocr");
    expect(fr.html).toContain('<html lang="fr">');
    expect(fr.html).toContain("<strong>1\u202f234,50 crédits</strong>");

    const zh = lowCreditsEmail({ ...base, locale: "zh-CN" });
    expect(zh.subject).toBe("点数偏低：短信（剩余 4.50）");
    expect(zh.text).toContain("购买点数：https://erp.example.com/iap/buy/sms");
  });

  it("a service renamed in the database keeps its name in every language", () => {
    const mail = lowCreditsEmail({ ...base, locale: "fr", service: { technicalName: "sms", name: "Textos clients", decimals: 2, unitName: "credits" } });
    expect(mail.subject).toBe("Crédits bas\u00a0: Textos clients (il reste 4,50)");
  });
});
