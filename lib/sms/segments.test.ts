import { describe, expect, it } from "vitest";
import { countSegments, describeSegments, isGsm7, MAX_SMS_PARTS } from "./segments";

const gsm = (n: number) => "a".repeat(n);
const ucs = (n: number) => "ж".repeat(n);

describe("SMS segments", () => {
  it("counts GSM-7 basic characters: 160 in one SMS, then 153 per part", () => {
    expect(countSegments(gsm(1))).toMatchObject({ encoding: "GSM7", parts: 1 });
    expect(countSegments(gsm(160))).toMatchObject({ encoding: "GSM7", parts: 1, units: 160 });
    expect(countSegments(gsm(161)).parts).toBe(2);
    expect(countSegments(gsm(170)).parts).toBe(2);
    for (const k of [2, 3, 4, 10]) {
      expect(countSegments(gsm(153 * k)).parts).toBe(k);
      expect(countSegments(gsm(153 * k + 1)).parts).toBe(k + 1);
    }
  });

  it("treats the basic table's accented letters and symbols as GSM-7", () => {
    const text = "Ça coûte 5£ à Zürich? ¡Sí! @home_Δ";
    expect(isGsm7("àéèùìòÇÄÖÑÜäöñü£$¥§¿¡@_ΔΦΓΛΩΠΨΣΘΞÆæßÉ")).toBe(true);
    expect(countSegments("Zürich à 5€").encoding).toBe("GSM7");
    expect(countSegments(text).encoding).toBe("UCS2"); // "û" is not in the GSM-7 tables
  });

  it("counts extension characters as two septets", () => {
    expect(countSegments("€").units).toBe(2);
    expect(countSegments("€".repeat(80))).toMatchObject({ encoding: "GSM7", units: 160, parts: 1, characters: 80 });
    expect(countSegments("€".repeat(80) + "a").parts).toBe(2);
    expect(countSegments("[]{}|^~\\").units).toBe(16);
  });

  it("never splits an escape pair across parts", () => {
    // 152 plain + "€": 154 septets in a 2-part message; the € cannot start at septet 153.
    const text = gsm(152) + "€" + gsm(10);
    expect(countSegments(text).units).toBe(164);
    expect(countSegments(text).parts).toBe(2);
    // 306 septets fill 2 parts exactly, unless a pair straddles the boundary.
    expect(countSegments(gsm(306)).parts).toBe(2);
    expect(countSegments(gsm(152) + "€" + gsm(152)).parts).toBe(3);
  });

  it("switches to Unicode: 70 in one SMS, then 67 per part", () => {
    expect(countSegments(ucs(70))).toMatchObject({ encoding: "UCS2", parts: 1 });
    expect(countSegments(ucs(71))).toMatchObject({ encoding: "UCS2", parts: 2 });
    expect(countSegments(ucs(134)).parts).toBe(2);
    expect(countSegments(ucs(135)).parts).toBe(3);
    // One non-GSM character turns a 100-character message into 2 Unicode parts.
    expect(countSegments(gsm(99) + "ж")).toMatchObject({ encoding: "UCS2", parts: 2 });
  });

  it("counts an emoji as two UTF-16 code units and one character", () => {
    expect(countSegments("👍")).toMatchObject({ encoding: "UCS2", units: 2, characters: 1, parts: 1 });
    expect(countSegments("👍".repeat(35))).toMatchObject({ units: 70, parts: 1 });
    expect(countSegments("👍".repeat(35) + "a").parts).toBe(2);
    // 66 units then an emoji: the pair does not fit in part one's last unit.
    expect(countSegments(ucs(66) + "👍" + ucs(10)).parts).toBe(2);
    expect(countSegments(ucs(66) + "👍" + ucs(66)).parts).toBe(3);
  });

  it("describes the count the way the composer shows it", () => {
    expect(describeSegments(countSegments(gsm(170)))).toBe("170 characters, fits in 2 SMS (GSM-7)");
    expect(describeSegments(countSegments("ж"))).toBe("1 character, fits in 1 SMS (Unicode)");
    expect(countSegments("").parts).toBe(0);
    expect(MAX_SMS_PARTS).toBe(10);
    expect(countSegments(gsm(1530)).parts).toBe(10);
    expect(countSegments(gsm(1531)).parts).toBe(11);
  });
});
