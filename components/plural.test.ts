import { describe, expect, it } from "vitest";
import { countText, countWord, creditsText, figureText } from "./plural";

describe("plural words", () => {
  it("counts whole things by the plural rules", () => {
    expect(countText(0, "page", "pages")).toBe("0 pages");
    expect(countText(1, "page", "pages")).toBe("1 page");
    expect(countText(2, "page", "pages")).toBe("2 pages");
    expect(countText(1200, "lead", "leads")).toBe("1,200 leads");
  });

  it("credits: exact figures, and '1.00 credits' is plural in English", () => {
    expect(creditsText(1n, 0)).toBe("1 credit");
    expect(creditsText(0n, 0)).toBe("0 credits");
    expect(creditsText(100n, 2)).toBe("1.00 credits");
    expect(creditsText(836n, 2)).toBe("8.36 credits");
    expect(creditsText(123456789012345678n, 0)).toBe("123,456,789,012,345,678 credits");
    expect(creditsText(1n, 0, "free trial credits", "free trial credit")).toBe("1 free trial credit");
  });

  it("the word alone", () => {
    expect(countWord(1, "credit", "credits")).toBe("credit");
    expect(countWord(1, "credit", "credits", 2)).toBe("credits");
  });

  it("a figure already formatted, read as written", () => {
    expect(figureText("1")).toBe("1 credit");
    expect(figureText("1.00")).toBe("1.00 credits");
    expect(figureText("1,001")).toBe("1,001 credits");
    expect(figureText("0")).toBe("0 credits");
    expect(figureText("1", "attempt", "attempts")).toBe("1 attempt");
  });
});
