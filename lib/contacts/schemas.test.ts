import { describe, expect, it } from "vitest";
import { z } from "zod";
import { sayIssues } from "@/lib/i18n/issues";
import { countryName, countryOptions } from "./countries";
import { contactSchema } from "./schemas";

const errors = (input: Record<string, unknown>) => {
  const parsed = contactSchema.safeParse(input);
  return parsed.success ? {} : z.flattenError(sayIssues(parsed.error, "en")).fieldErrors;
};

describe("contact form schema", () => {
  it("requires a name and trims blanks to null", () => {
    expect(errors({ name: "   " }).name).toEqual(["Enter the contact's name."]);
    expect(contactSchema.parse({ name: " Ann ", email: "", phone: " ", country: "" })).toMatchObject({ name: "Ann", email: null, phone: null, country: null });
  });

  it("validates the e-mail and the country code", () => {
    expect(errors({ name: "A", email: "not-an-email" }).email?.[0]).toMatch(/valid e-mail/);
    expect(errors({ name: "A", country: "XX" }).country).toEqual(["Choose a country from the list."]);
    expect(contactSchema.parse({ name: "A", country: "fr" }).country).toBe("FR");
  });

  it("keeps any phone text as typed: the SMS dialog is where a bad number blocks", () => {
    expect(contactSchema.parse({ name: "A", phone: "call after 5pm", mobile: "12345" })).toMatchObject({ phone: "call after 5pm", mobile: "12345" });
  });

  it("names countries for the select", () => {
    expect(countryName("BE")).toBe("Belgium");
    const options = countryOptions();
    expect(options.length).toBeGreaterThan(240);
    expect(options.find((o) => o.code === "FR")?.name).toBe("France");
  });
});
