import { describe, it } from "vitest";
import { expectMail } from "@/tests/support/mail";
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
    expectMail(lowCreditsEmail(base), {
      subject: "Low credits: SMS (4.50 left)",
      text: ["Demo Company SA has 4.50 credits left for SMS, below the warning threshold of 10.00 credits.", "Buy credits: https://erp.example.com/iap/buy/sms"],
      html: ['<a href="https://erp.example.com/iap/buy/sms"', "<strong>4.50 credits</strong>", "<strong>10.00 credits</strong>"],
    });
  });

  it("groups thousands and escapes everything interpolated into HTML", () => {
    const mail = lowCreditsEmail({
      ...base,
      companyName: `<script>alert("x")</script> & Co`,
      service: { technicalName: "reveal", name: "Lead <Gen>", decimals: 0, unitName: "leads" },
      balance: 1_234n,
      threshold: 5_000n,
    });
    expectMail(mail, {
      subject: "Low credits: Lead <Gen> (1,234 left)",
      text: ["1,234 leads left"],
      html: ["&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co", "Lead &lt;Gen&gt;", 'href="https://erp.example.com/iap/buy/reveal"'],
      notInHtml: ["<script>"],
    });
  });

  it("in French and Chinese: the catalogue's words, the service's translated name and the reader's number format", () => {
    const fr = lowCreditsEmail({ ...base, locale: "fr", companyName: "Société Démo", service: { technicalName: "invoice_ocr", name: "Documents Digitization", decimals: 2, unitName: "credits" }, balance: 123_450n, threshold: 200_000n });
    expectMail(fr, {
      subject: "Crédits bas\u00a0: Numérisation des documents (il reste 1\u202f234,50)",
      text: [
        "Il reste à Société Démo 1\u202f234,50 crédits pour Numérisation des documents, sous le seuil d'avertissement de 2\u202f000,00 crédits.",
        "Acheter des crédits\u00a0: https://erp.example.com/iap/buy/invoice_ocr",
      ],
      html: ['<html lang="fr">', "<strong>1\u202f234,50 crédits</strong>"],
    });

    expectMail(lowCreditsEmail({ ...base, locale: "zh-CN" }), { subject: "点数偏低：短信（剩余 4.50）", text: ["购买点数：https://erp.example.com/iap/buy/sms"] });
  });

  it("a service renamed in the database keeps its name in every language", () => {
    expectMail(lowCreditsEmail({ ...base, locale: "fr", service: { technicalName: "sms", name: "Textos clients", decimals: 2, unitName: "credits" } }), {
      subject: "Crédits bas\u00a0: Textos clients (il reste 4,50)",
    });
  });
});
