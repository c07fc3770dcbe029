// What a French and a Chinese reader see for each coded ledger description;
// English is what the ledger stores, word for word.
import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/locales";
import { ledgerWording, type LedgerWording } from "@/lib/iap/ledger-wording";
import { ledgerDescription } from "./ledger-words";

const say = (locale: Locale, wording: LedgerWording | null, description = "stored text") => ledgerDescription(translatorFor(locale, "iap"), { description, wording });

describe("ledger descriptions in the reader's language", () => {
  it("words each code in English as stored, in French and in Chinese", () => {
    const cases: [LedgerWording, string, string, string][] = [
      [{ code: "trial", params: { service: "partner_autocomplete" } }, "Free trial credits for Partner Autocomplete", "Crédits d'essai gratuits pour Saisie automatique des partenaires", "合作伙伴自动完成免费试用点数"],
      [{ code: "autoTopup", params: { pack: "Starter Pack", purchaseId: 12345 } }, "Auto top-up: Starter Pack (purchase #12345)", "Recharge automatique\u00a0: Starter Pack (achat n°\u00a012345)", "自动充值：Starter Pack（购买单号 #12345）"],
      [{ code: "refund", params: { purchaseId: 7 } }, "Payment refunded (purchase #7)", "Paiement remboursé (achat n°\u00a07)", "付款已退款（购买单号 #7）"],
      [{ code: "disputeFrozen", params: { purchaseId: 7 } }, "Frozen: payment disputed (purchase #7)", "Crédits bloqués\u00a0: paiement contesté (achat n°\u00a07)", "点数已冻结：付款有争议（购买单号 #7）"],
      [{ code: "disputeLost", params: { purchaseId: 7 } }, "Dispute lost (purchase #7)", "Litige perdu (achat n°\u00a07)", "争议败诉（购买单号 #7）"],
      [{ code: "sms", params: { number: "+32 470 12 34 56", parts: 2 } }, "SMS to +32 470 12 34 56 (2 SMS)", "SMS à +32 470 12 34 56 (2 SMS)", "发送短信至 +32 470 12 34 56（2 条短信）"],
      [{ code: "massSms", params: { recipients: 1500, parts: 1 } }, "Mass SMS to 1500 numbers (1 SMS each)", "SMS groupé à 1500 numéros (1 SMS chacun)", "群发短信至 1500 个号码（每个 1 条短信）"],
      [{ code: "partnerAutocomplete", params: { company: "Lino Engineering AB" } }, "Partner Autocomplete: Lino Engineering AB", "Saisie automatique des partenaires\u00a0: Lino Engineering AB", "合作伙伴自动完成：Lino Engineering AB"],
      [{ code: "letter", params: { letterId: 1042, recipient: "Marie Dupont", country: "FR" } }, "Letter #1042 to Marie Dupont (FR)", "Lettre n°\u00a01042 à Marie Dupont (FR)", "寄给 Marie Dupont（FR）的信件 #1042"],
      [{ code: "digitized", params: { file: "facture.pdf" } }, "Digitized facture.pdf", "Numérisé\u00a0: facture.pdf", "已数字化：facture.pdf"],
      [{ code: "leads", params: { count: 25 } }, "Lead Generation: up to 25 companies", "Génération de pistes\u00a0: jusqu'à 25 entreprises", "潜在客户生成：最多 25 家企业"],
    ];
    for (const [wording, en, fr, zh] of cases) {
      expect(say("en", wording)).toBe(en);
      expect(say("fr", wording)).toBe(fr);
      expect(say("zh-CN", wording)).toBe(zh);
    }
  });

  it("names a bought pack by its code in the reader's language; an older row, an operator's own pack or a renamed one by its stored name", () => {
    const bought = (pack: string, packCode?: string): LedgerWording => ({ code: "purchase", params: { pack, packCode, purchaseId: 8 } });
    expect(say("en", bought("Starter Pack", "starter"))).toBe("Starter Pack (purchase #8)");
    expect(say("fr", bought("Advanced Pack", "advanced"))).toBe("Pack Avancé (achat n°\u00a08)");
    expect(say("zh-CN", { code: "autoTopup", params: { pack: "Standard Pack", packCode: "standard", purchaseId: 9 } })).toBe("自动充值：标准套餐（购买单号 #9）");
    // Stored as JSON: a row written before pack codes has only the name.
    expect(say("fr", ledgerWording("purchase", { pack: "Expert Pack", purchaseId: 8 }))).toBe("Expert Pack (achat n°\u00a08)");
    expect(say("fr", ledgerWording("purchase", { pack: "Expert Pack", packCode: "expert", purchaseId: 8 }))).toBe("Pack Expert (achat n°\u00a08)");
    expect(say("zh-CN", bought("Summer Bundle", "summer-2026"))).toBe("Summer Bundle（购买单号 #8）");
    expect(say("fr", bought("Pack Découverte", "starter"))).toBe("Pack Découverte (achat n°\u00a08)");
  });

  it("shows the stored text for a row without a code, an unknown code or parameters that do not fit", () => {
    expect(say("fr", null, "Pack of 100")).toBe("Pack of 100");
    expect(say("fr", ledgerWording("fromTheFuture", { x: 1 }), "Later kind")).toBe("Later kind");
    expect(ledgerWording("refund", { purchaseId: "seven" })).toBeNull();
    expect(say("zh-CN", { code: "trial", params: { service: "retired_service" } }, "Free trial credits for Old")).toBe("Free trial credits for Old");
  });
});
