// Invoices: what Checkout is asked for (the real Stripe SDK against a local
// server), Stripe Tax's figures and Stripe's invoice kept when paid, and the
// app's own invoices — a gap-free series per company, rendered as a PDF read
// back with pdf.js.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool, prisma } from "@/lib/db/client";
import { verifyLedger } from "@/lib/iap/verify";
import { createCompany } from "@/tests/support/fixtures";
import { packOf, pendingPurchase, sessionEvent, sign, WEBHOOK_SECRET, withEnv } from "@/tests/support/billing";
import { pdfText } from "@/tests/support/pdf";
import { startFakeStripe, type FakeStripe } from "@/tests/support/stripe-server";
import { POST as webhook } from "@/app/api/stripe/webhook/route";
import { findInvoice } from "./invoices";
import { renderInvoicePdf } from "./invoice-pdf";
import { createPurchase, findPurchase, setProviderRef } from "./purchases";
import { fulfilPurchase } from "./settle-purchase";
import { startCheckout } from "./start-checkout";

let stripe: FakeStripe;
let restoreEnv: () => void;
beforeAll(async () => {
  stripe = await startFakeStripe();
  restoreEnv = withEnv({
    STRIPE_SECRET_KEY: "sk_test_invoices",
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_URL: stripe.url,
    APP_URL: "http://erp.test:4000",
    VAT_RATE: "21",
    PRICES_INCLUDE_VAT: "1",
    INVOICE_SELLER_NAME: "Credits Seller SA",
    INVOICE_SELLER_ADDRESS: "Rue Neuve 1|1000 Brussels",
    INVOICE_SELLER_COUNTRY: "BE",
    INVOICE_SELLER_VAT: "BE0403170701",
  });
});
afterAll(async () => {
  restoreEnv();
  await stripe.close();
});

async function deliver(payload: string) {
  return (await webhook(new Request("http://localhost/api/stripe/webhook", { method: "POST", body: payload, headers: { "stripe-signature": sign(payload) } }))).status;
}

describe("Stripe Checkout invoices", () => {
  it("asks Checkout for an invoice naming the purchase, tax ID collection, a customer, and the VAT on the invoice", async () => {
    const { company, admin } = await createCompany();
    const { pack } = await packOf("sms", "standard");
    const started = await startCheckout({ ...admin, role: "ADMIN" }, { service: "sms", packId: pack.id });
    const form = Object.fromEntries(stripe.requests("POST", "/v1/checkout/sessions").at(-1)!.form);
    expect(form).toMatchObject({
      mode: "payment",
      "invoice_creation[enabled]": "true",
      "invoice_creation[invoice_data][metadata][purchaseId]": String(started.purchaseId),
      "invoice_creation[invoice_data][description]": "SMS — Standard Pack (100 credits)",
      "invoice_creation[invoice_data][custom_fields][0][name]": "Net",
      "invoice_creation[invoice_data][custom_fields][0][value]": "€9.92",
      "invoice_creation[invoice_data][custom_fields][1][name]": "VAT 21 %",
      "invoice_creation[invoice_data][custom_fields][1][value]": "€2.08",
      "tax_id_collection[enabled]": "true",
      customer_creation: "always",
      customer_email: admin.email,
      "line_items[0][price_data][unit_amount]": "1200",
    });
    expect(form["automatic_tax[enabled]"]).toBeUndefined();
    const purchase = (await findPurchase(started.purchaseId, company.id))!;
    expect(purchase).toMatchObject({ amount: 1200, netAmount: 992, vatAmount: 208, vatRate: 2100, vatReverseCharge: false });
  });

  it("with STRIPE_AUTOMATIC_TAX=1 Stripe computes the tax; the paid session's figures, customer and invoice are kept", async () => {
    const restore = withEnv({ STRIPE_AUTOMATIC_TAX: "1", PRICES_INCLUDE_VAT: "0" });
    try {
      const { company, admin } = await createCompany();
      const { pack } = await packOf("sms", "standard");
      const started = await startCheckout({ ...admin, role: "ADMIN" }, { service: "sms", packId: pack.id });
      const form = Object.fromEntries(stripe.requests("POST", "/v1/checkout/sessions").at(-1)!.form);
      expect(form).toMatchObject({ "automatic_tax[enabled]": "true", "line_items[0][price_data][tax_behavior]": "exclusive", billing_address_collection: "required" });
      const purchase = (await findPurchase(started.purchaseId, company.id))!;
      expect(purchase).toMatchObject({ amount: 1200, netAmount: null, vatAmount: null });

      stripe.invoices.set("in_test_auto_tax", {
        id: "in_test_auto_tax",
        object: "invoice",
        number: "ABCD-0042",
        hosted_invoice_url: "https://invoice.stripe.test/i/abcd",
        invoice_pdf: "https://invoice.stripe.test/i/abcd/pdf",
        currency: "eur",
        subtotal: 1200,
        total_excluding_tax: 1200,
        total: 1452,
        metadata: { purchaseId: String(purchase.id) },
      });
      const paid = sessionEvent("checkout.session.completed", purchase, {
        amount_total: 1452,
        ...({ amount_subtotal: 1200, total_details: { amount_tax: 252 }, payment_intent: "pi_test_auto_tax", customer: "cus_test_auto_tax", invoice: "in_test_auto_tax" } as object),
      });
      expect(await Promise.all(Array.from({ length: 5 }, () => deliver(paid)))).toEqual([200, 200, 200, 200, 200]);
      expect(await findPurchase(purchase.id, company.id)).toMatchObject({ status: "PAID", amount: 1452, netAmount: 1200, vatAmount: 252, paymentIntentId: "pi_test_auto_tax" });
      expect(await findInvoice(company.id, purchase.id)).toMatchObject({
        issuer: "STRIPE",
        number: "ABCD-0042",
        hostedUrl: "https://invoice.stripe.test/i/abcd",
        pdfUrl: "https://invoice.stripe.test/i/abcd/pdf",
        netAmount: 1200,
        vatAmount: 252,
        grossAmount: 1452,
      });
      expect((await prisma().company.findUniqueOrThrow({ where: { id: company.id } })).stripeCustomerId).toBe("cus_test_auto_tax");

      // The next Checkout of this company is for its Stripe Customer, whose name and address Checkout keeps up to date.
      await startCheckout({ ...admin, role: "ADMIN" }, { service: "sms", packId: pack.id });
      const next = Object.fromEntries(stripe.requests("POST", "/v1/checkout/sessions").at(-1)!.form);
      expect(next).toMatchObject({ customer: "cus_test_auto_tax", "customer_update[name]": "auto", "customer_update[address]": "auto" });
      expect(next.customer_email).toBeUndefined();
    } finally {
      restore();
    }
  });

  it("a buyer in another EU country with a VAT number pays no VAT (reverse charge), and the invoice says so", async () => {
    const { company, admin } = await createCompany({ country: "FR" });
    await pool().query("UPDATE company SET vat_number = 'FR40303265045' WHERE id = $1", [company.id]);
    const { pack } = await packOf("sms", "standard");
    const started = await startCheckout({ ...admin, role: "ADMIN" }, { service: "sms", packId: pack.id });
    const form = Object.fromEntries(stripe.requests("POST", "/v1/checkout/sessions").at(-1)!.form);
    expect(form["line_items[0][price_data][unit_amount]"]).toBe("992");
    expect(form["invoice_creation[invoice_data][footer]"]).toMatch(/^Reverse charge/);
    expect(await findPurchase(started.purchaseId, company.id)).toMatchObject({ amount: 992, netAmount: 992, vatAmount: 0, vatReverseCharge: true });
  });
});

describe("the app's own invoices", () => {
  it("numbers a company's paid demo purchases 1, 2, 3 … with no gap, even when paid concurrently or when a fulfilment rolls back", async () => {
    const restore = withEnv({ STRIPE_SECRET_KEY: undefined, STRIPE_WEBHOOK_SECRET: undefined });
    try {
      const { company, admin } = await createCompany();
      const { pack } = await packOf("sms", "starter");
      const buy = () => createPurchase({ companyId: company.id, technicalName: "sms", pack, provider: "DEMO", createdById: admin.id });
      const first = await Promise.all(Array.from({ length: 6 }, buy));
      await Promise.all(first.flatMap((p) => [fulfilPurchase(p.id, "demo"), fulfilPurchase(p.id, "demo")]));

      // A fulfilment whose grant fails rolls back — and gives its number back.
      const failing = await buy();
      await pool().query(
        `INSERT INTO ledger_entry (account_id, kind, amount, balance_after, description, idempotency_key)
         SELECT $1, 'ADJUSTMENT', 1, balance + 1, 'collides', $2 FROM iap_account WHERE id = $1`,
        [failing.accountId, `purchase:${failing.id}`],
      );
      await pool().query("UPDATE iap_account SET balance = balance + 1 WHERE id = $1", [failing.accountId]);
      await expect(fulfilPurchase(failing.id, "demo")).rejects.toThrow(/duplicate key/);
      const last = await buy();
      await fulfilPurchase(last.id, "demo");

      const invoices = await prisma().invoice.findMany({ where: { companyId: company.id }, orderBy: { sequence: "asc" } });
      expect(invoices.map((i) => i.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(invoices.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `IAP-${company.id}-00000${n}`));
      expect(invoices.find((i) => i.purchaseId === last.id)?.sequence).toBe(7);
      expect(invoices.every((i) => i.demo && i.issuer === "APP")).toBe(true);
      expect((await verifyLedger({ companyId: company.id })).problems).toEqual([]);
    } finally {
      restore();
    }
  });

  it("the PDF says Demo and shows seller, buyer and their VAT numbers, the pack, net, VAT and gross", async () => {
    const restore = withEnv({ STRIPE_SECRET_KEY: undefined, STRIPE_WEBHOOK_SECRET: undefined });
    try {
      const { purchase, company } = await pendingPurchase("DEMO");
      await pool().query("UPDATE company SET name = 'Łódź Trading Sp. z o.o.', vat_number = 'BE0477472701', street = 'Rue de la Loi 16', zip = '1000', city = 'Brussels' WHERE id = $1", [company.id]);
      await fulfilPurchase(purchase.id, "demo");
      const invoice = (await findInvoice(company.id, purchase.id))!;
      const [text] = await pdfText(await renderInvoicePdf(invoice));
      for (const expected of [
        "Invoice (Demo)",
        "no money was paid",
        `Invoice number: IAP-${company.id}-000001`,
        "Credits Seller SA",
        "VAT number: BE0403170701",
        "Łódź Trading Sp. z o.o.",
        "VAT number: BE0477472701",
        "SMS — Standard Pack (100 credits)",
        "Net",
        "€9.92",
        "VAT 21 %",
        "€2.08",
        "Total (gross)",
        "€12.00",
      ]) {
        expect(text).toContain(expected);
      }
      // Another company never sees it.
      const stranger = await createCompany();
      expect(await findInvoice(stranger.company.id, purchase.id)).toBeNull();
    } finally {
      restore();
    }
  });

  it("prints a French company's invoice in French and a Chinese company's in Chinese, with their dates and amounts", async () => {
    const restore = withEnv({ STRIPE_SECRET_KEY: undefined, STRIPE_WEBHOOK_SECRET: undefined });
    try {
      const readInvoice = async (locale: string, name: string) => {
        const { company, admin } = await createCompany();
        await pool().query("UPDATE company SET locale = $2, name = $3, vat_number = 'BE0477472701' WHERE id = $1", [company.id, locale, name]);
        // The biggest Snailmail pack (€1,000.00 gross): an amount with a thousands separator.
        const { pack } = await packOf("snailmail", "expert");
        const purchase = await createPurchase({ companyId: company.id, technicalName: "snailmail", pack, provider: "DEMO", createdById: admin.id });
        await setProviderRef(purchase.id, `demo_${purchase.id}`);
        await fulfilPurchase(purchase.id, "demo");
        const invoice = (await findInvoice(company.id, purchase.id))!;
        return { invoice, text: (await pdfText(await renderInvoicePdf(invoice)))[0].replace(/[\u00a0\u202f]/g, " ") };
      };

      const french = await readInvoice("fr", "Société Générale de Boulangerie");
      for (const expected of [
        "Facture (démo)",
        "aucun montant n'a été payé",
        `Numéro de facture : ${french.invoice.number}`,
        "N° TVA : BE0477472701",
        "Société Générale de Boulangerie",
        "Vendeur",
        "Client",
        "Montant",
        "Courrier postal — Pack Expert (1 000 crédits)",
        "Montant HT",
        "TVA 21 %",
        "Total TTC",
        "1 000,00 €",
        "826,45 €",
        "173,55 €",
        `Payée le ${french.invoice.issuedAt.toLocaleDateString("fr", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })}.`,
      ]) {
        expect(french.text).toContain(expected);
      }
      expect(french.text).not.toContain("Invoice");

      const chinese = await readInvoice("zh-CN", "上海蜗牛贸易有限公司");
      for (const expected of [
        "发票（演示）",
        `发票号码：${chinese.invoice.number}`,
        "增值税号：BE0477472701",
        "上海蜗牛贸易有限公司",
        "销售方",
        "购买方",
        "蜗牛邮件 — 专家套餐（1,000 点数）",
        "不含税金额",
        "增值税 21 %",
        "价税合计",
        "€1,000.00",
        `已于${chinese.invoice.issuedAt.getUTCFullYear()}年${chinese.invoice.issuedAt.getUTCMonth() + 1}月${chinese.invoice.issuedAt.getUTCDate()}日付款。`,
      ]) {
        expect(chinese.text).toContain(expected);
      }
      expect(chinese.text).not.toContain("Invoice");
    } finally {
      restore();
    }
  });
});
