// A history export with a bad filter is refused in the exporter's language.
import { describe, expect, it } from "vitest";
import { historyFilterSchema } from "@/lib/iap/history-filter";
import { historyFilterRefusal } from "./history-filter-refusal";

const reversed = historyFilterSchema.safeParse({ from: "2026-12-01", to: "2026-11-01" });

describe("history CSV filter refusal", () => {
  it("English is worded as before", () => {
    expect(reversed.success).toBe(false);
    expect(historyFilterRefusal(reversed.error!, "en")).toBe("The filter is not valid. to: The end date is before the start date.");
  });

  it("a French exporter reads French", () => {
    expect(historyFilterRefusal(reversed.error!, "fr")).toBe("Le filtre n’est pas valide. to: La date de fin est antérieure à la date de début.");
  });

  it("a Chinese exporter reads Chinese", () => {
    expect(historyFilterRefusal(reversed.error!, "zh-CN")).toBe("筛选条件无效。to: 结束日期早于开始日期。");
  });
});
