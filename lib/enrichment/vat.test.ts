import { describe, expect, it } from "vitest";
import { looksLikeVat, parseVat, registrationKeyFromVat } from "./vat";

describe("parseVat", () => {
  it("accepts well-formed numbers per country, with spaces", () => {
    expect(parseVat("FR 40 303 265 045")).toMatchObject({ prefix: "FR", number: "40303265045", valid: true, country: "FR" });
    expect(parseVat("BE0403170701")).toMatchObject({ valid: true });
    expect(parseVat("EL123456789")).toMatchObject({ prefix: "EL", country: "GR", valid: true });
    expect(parseVat("XI123456789")).toMatchObject({ prefix: "XI", country: "GB", valid: true });
    expect(parseVat("NL123456789B01")).toMatchObject({ valid: true });
    expect(parseVat("ATU12345678")).toMatchObject({ valid: true });
    expect(parseVat("SE556229305401")).toMatchObject({ valid: true });
  });
  it("rejects wrong formats and wrong check digits", () => {
    expect(parseVat("FR12345678901")).toMatchObject({ valid: false, problem: "checkDigits" });
    expect(parseVat("BE0403170702")).toMatchObject({ valid: false });
    expect(parseVat("DE12345")).toMatchObject({ valid: false, problem: "format" });
    expect(parseVat("NL123456789")).toMatchObject({ valid: false });
    expect(parseVat("ATX12345678")).toMatchObject({ valid: false });
  });
  it("reads GR as Greece's EL and says so", () => {
    expect(parseVat("GR123456789")).toMatchObject({ prefix: "EL", vat: "EL123456789", valid: true, hint: "greekPrefix" });
  });
  it("is not a VAT number without a known prefix", () => {
    expect(parseVat("ZZ123")).toBeNull();
    expect(parseVat("12345")).toBeNull();
    expect(looksLikeVat("Lino Eng")).toBe(false);
    expect(looksLikeVat("FR40303265045")).toBe(true);
  });
});

describe("registrationKeyFromVat", () => {
  it("takes the SIREN out of a French VAT number and the organisation number out of a Swedish one", () => {
    expect(registrationKeyFromVat(parseVat("FR40303265045")!)).toEqual({ country: "FR", key: "303265045" });
    expect(registrationKeyFromVat(parseVat("SE559230105401")!)).toEqual({ country: "SE", key: "5592301054" });
    expect(registrationKeyFromVat(parseVat("DE123456789")!)).toBeNull();
  });
});
