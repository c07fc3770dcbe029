import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/locales";
import { countriesWithPostalFormat, describeAddressProblems, validateAddress, type AddressCheck } from "./address";

const describe_ = (check: Extract<AddressCheck, { ok: false }>, locale: Locale = "en") => describeAddressProblems(check, translatorFor(locale, "letters"), locale);

const base = { name: "Recipient", street: "Main street 1", street2: null };

describe("address check", () => {
  it.each([
    ["BE", "1000", "100"],
    ["DE", "10115", "1011"],
    ["FR", "75001", "7500A"],
    ["NL", "1012 AB", "0123 AB"],
    ["GB", "SW1A 1AA", "SW1A"],
    ["US", "20500-0003", "2050"],
    ["CA", "K1A 0B1", "K1A 0BI"],
    ["PL", "90-001", "90001"],
    ["ES", "28013", "53001"],
    ["PT", "1100-148", "1100"],
    ["CH", "8001", "80010"],
    ["SE", "111 22", "11"],
    ["RU", "101000", "10100"],
    ["JP", "100-0001", "1000-001"],
    ["LU", "L-1111", "L-111"],
  ])("%s accepts %s and refuses %s", (country, good, bad) => {
    expect(validateAddress({ ...base, city: "City", zip: good, country }).ok).toBe(true);
    const refused = validateAddress({ ...base, city: "City", zip: bad, country });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.invalid.zip?.code).toBe("postalCodeFor");
  });

  it("covers at least ten countries with a format", () => {
    expect(countriesWithPostalFormat().length).toBeGreaterThanOrEqual(10);
  });

  it("normalises the postal code (case, spaces) before checking", () => {
    const check = validateAddress({ ...base, city: "London", zip: " sw1a   1aa ", country: "gb" });
    expect(check).toMatchObject({ ok: true, address: { zip: "SW1A 1AA", country: "GB" } });
  });

  it("names each missing field", () => {
    const check = validateAddress({ name: "Jan", street: " ", city: null, zip: "", country: "BE" });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.missing).toEqual(["street", "city", "zip"]);
    expect(describe_(check)).toBe("Street, City and ZIP / postal code are missing.");
    const noCity = validateAddress({ ...base, city: "", zip: "1000", country: "BE" });
    expect(!noCity.ok && describe_(noCity)).toBe("City is missing.");
    const nothing = validateAddress({ name: "", street: null, city: null, zip: null, country: null });
    expect(!nothing.ok && nothing.missing).toEqual(["name", "street", "city", "zip", "country"]);
  });

  it("lets countries without postal codes (and Ireland, where Eircodes are optional) leave it empty", () => {
    expect(validateAddress({ ...base, city: "Dubai", zip: "", country: "AE" }).ok).toBe(true);
    expect(validateAddress({ ...base, city: "Dublin", zip: null, country: "IE" }).ok).toBe(true);
    expect(validateAddress({ ...base, city: "Dublin", zip: "D02 X285", country: "IE" }).ok).toBe(true);
    expect(validateAddress({ ...base, city: "Dublin", zip: "123", country: "IE" }).ok).toBe(false);
  });

  it("refuses unknown countries and checks other countries loosely", () => {
    const unknown = validateAddress({ ...base, city: "X", zip: "1", country: "XX" });
    expect(!unknown.ok && unknown.invalid.country).toEqual({ code: "unknownCountry", params: { country: "XX" } });
    expect(validateAddress({ ...base, city: "Nairobi", zip: "00100", country: "KE" }).ok).toBe(true);
    expect(validateAddress({ ...base, city: "Nairobi", zip: "00100!", country: "KE" }).ok).toBe(false);
  });
});
