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
});
