// The catalogue's packs by name in each language, and the packs it does not
// speak for (an operator's own, or one renamed in the database) as stored.
import { describe, expect, it } from "vitest";
import { PACK_TIERS } from "@/lib/billing/pack-catalogue";
import { isCataloguePack, packNameIn } from "./service-names";

describe("credit pack names in the reader's language", () => {
  it("names every seeded pack in each language, and in English exactly as it is seeded", () => {
    // A seeded name the English catalogue does not repeat would never be translated.
    for (const tier of PACK_TIERS) {
      expect(isCataloguePack(tier.code, tier.name)).toBe(true);
      expect(packNameIn("en", tier.code, tier.name)).toBe(tier.name);
    }
    expect(PACK_TIERS.map((tier) => packNameIn("fr", tier.code, tier.name))).toEqual(["Pack Starter", "Pack Standard", "Pack Avancé", "Pack Expert"]);
    expect(PACK_TIERS.map((tier) => packNameIn("zh-CN", tier.code, tier.name))).toEqual(["入门套餐", "标准套餐", "高级套餐", "专家套餐"]);
  });

  it("keeps an operator's own pack and a renamed catalogue pack as stored, in every language", () => {
    expect(packNameIn("fr", "summer-2026", "Summer Bundle")).toBe("Summer Bundle");
    expect(packNameIn("zh-CN", "starter", "Welcome offer")).toBe("Welcome offer");
    expect(isCataloguePack("starter", "Welcome offer")).toBe(false);
  });
});
