import { describe, expect, it } from "vitest";
import { filterSettings, type SettingSection } from "./settings-filter";

const sections: SettingSection[] = [
  { id: "general", title: "General", settings: [{ id: "company", title: "Company", description: "Name and currency.", keywords: ["country"] }] },
  {
    id: "contacts",
    title: "Contacts",
    settings: [
      { id: "phone", title: "Phone Numbers", description: "Default country of numbers.", keywords: ["mobile"] },
      { id: "iap", title: "In-App Purchases", description: "View your IAP services and recharge your credits", keywords: ["in-app", "credits"] },
    ],
  },
];

const ids = (query: string) => filterSettings(sections, query).map((s) => [s.id, s.settings.map((x) => x.id)]);

describe("filterSettings", () => {
  it("an empty query shows everything", () => {
    expect(ids("  ")).toEqual([["general", ["company"]], ["contacts", ["phone", "iap"]]]);
  });

  it("IAP leaves only the IAP setting, in its section; other sections are hidden", () => {
    expect(ids("IAP")).toEqual([["contacts", ["iap"]]]);
    expect(ids("iap")).toEqual([["contacts", ["iap"]]]);
  });

  it("matches descriptions, keywords and section titles, every word", () => {
    expect(ids("credits")).toEqual([["contacts", ["iap"]]]);
    expect(ids("country")).toEqual([["general", ["company"]], ["contacts", ["phone"]]]);
    expect(ids("contacts mobile")).toEqual([["contacts", ["phone"]]]);
    expect(ids("ÍN-APP")).toEqual([["contacts", ["iap"]]]);
  });

  it("nothing matches: no sections", () => {
    expect(filterSettings(sections, "zzz")).toEqual([]);
  });
});
