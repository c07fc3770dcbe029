// Settings → Company details, shared by the form and its server action (plain module).
import { z } from "zod";
import { textField } from "@/lib/http/params";
import { localeField, timeZoneField } from "@/lib/i18n/schemas";

// textField: a NUL character (PostgreSQL refuses it in text) is a field error, not a failed save.
const text = (max: number) => z.preprocess((value) => (typeof value === "string" ? value : ""), textField().trim().max(max, "field.atMostCharacters"));

export const companyDetailsSchema = z.object({
  name: text(200).pipe(z.string().min(1, "company.nameMissing")),
  street: text(200),
  zip: text(20),
  city: text(100),
  vatNumber: text(20),
  // The language and zone its users read the app in unless they chose their
  // own (and budget months and usage days are counted in). Absent: unchanged.
  locale: localeField.optional(),
  timeZone: timeZoneField.optional(),
});

export type CompanyDetailsInput = z.infer<typeof companyDetailsSchema>;
