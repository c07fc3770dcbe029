import { describe, expect, it } from "vitest";
import { MAX_SHEETS, priceLetter, priceRows, sheetsFor, zoneFor } from "./price";

const letter = (country: string, pages: number, extra: { color?: boolean; duplex?: boolean; senderCountry?: string } = {}) =>
  priceLetter({ senderCountry: extra.senderCountry ?? "BE", country, pages, color: extra.color ?? false, duplex: extra.duplex ?? false });

describe("postage table", () => {
  it("finds the zone from the sender's and the destination's countries", () => {
    expect(zoneFor("BE", "BE")).toBe("domestic");
    expect(zoneFor("BE", "PL")).toBe("region");
    expect(zoneFor("BE", "US")).toBe("world");
    expect(zoneFor("US", "CA")).toBe("region");
    expect(zoneFor("US", "US")).toBe("domestic");
    expect(zoneFor("BE", "AQ")).toBeNull();
    expect(zoneFor("BE", "KP")).toBeNull();
    expect(zoneFor("BE", "XX")).toBeNull();
  });

  it("prices by zone and sheet tier, as the table says", () => {
    expect(letter("BE", 1)).toEqual({ ok: true, zone: "domestic", sheets: 1, credits: 2 });
    expect(letter("BE", 3)).toMatchObject({ sheets: 3, credits: 2 });
    expect(letter("BE", 4)).toMatchObject({ sheets: 4, credits: 3 });
    expect(letter("DE", 2)).toMatchObject({ zone: "region", credits: 3 });
    expect(letter("JP", 2)).toMatchObject({ zone: "world", credits: 4 });
    expect(letter("JP", 9)).toMatchObject({ zone: "world", credits: 14 });
  });

  it("adds the colour surcharge of the tier; double-sided halves the sheets", () => {
    expect(letter("BE", 1, { color: true })).toMatchObject({ credits: 3 });
    expect(letter("BE", 5, { color: true })).toMatchObject({ sheets: 5, credits: 5 });
    expect(sheetsFor(5, true)).toBe(3);
    expect(letter("BE", 5, { duplex: true })).toMatchObject({ sheets: 3, credits: 2 });
    expect(letter("BE", 6, { duplex: true, color: true })).toMatchObject({ sheets: 3, credits: 3 });
  });

  it("has no price for unserved destinations or letters past the last tier", () => {
    expect(letter("AQ", 1)).toEqual({ ok: false, code: "NO_PRICE", problem: { code: "noPrice", params: { country: "AQ" } } });
    expect(letter("BE", MAX_SHEETS + 1)).toEqual({ ok: false, code: "FORMAT_ERROR", problem: { code: "tooManySheets", params: { max: MAX_SHEETS } } });
    expect(letter("BE", 0)).toEqual({ ok: false, code: "FORMAT_ERROR", problem: { code: "noPages" } });
    expect(letter("BE", MAX_SHEETS * 2, { duplex: true })).toMatchObject({ ok: true, sheets: MAX_SHEETS });
  });

  it("exposes the table as contiguous rows", () => {
    const rows = priceRows();
    expect(rows[0].fromSheets).toBe(1);
    for (let i = 1; i < rows.length; i++) expect(rows[i].fromSheets).toBe(rows[i - 1].toSheets + 1);
    for (const row of rows) expect(row.domestic < row.region && row.region < row.world).toBe(true);
  });
});
