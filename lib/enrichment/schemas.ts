// Shared by the Partner Autocomplete / Generate Leads forms (client) and their server actions.
import { z } from "zod";
import { formList } from "@/lib/form-fields";
import { MAX_ID, textField } from "@/lib/http/params";

const formText = textField().max(200).nullable().optional();

/** A Partner Autocomplete suggestion, as GET /api/partner-autocomplete returns it. */
export interface Suggestion {
  id: number;
  name: string;
  country: string;
  postalCode: string | null;
  city: string | null;
  registrationNumber: string | null;
  industry: string | null;
  /** Only when the user typed a well-formed VAT number that leads to this company (and VIES did not reject it). */
  vat: string | null;
  source: string;
  matchedBy: "name" | "registration" | "vat" | "domain";
}

/**
 * Shown under the list, as codes the contact form words (messages/<locale>/contacts.json,
 * `autocompleteNotes`): VAT format problems, VIES answers or outages, what a domain search means.
 */
export type SuggestNote =
  | { code: "noWebsites"; values: { label: string } }
  | { code: "vatFormat" | "vatCheckDigits" | "noRegistrationLookup"; values: { prefix: string } }
  | { code: "vatGreekPrefix" | "viesNotConfigured"; values?: undefined }
  | { code: "viesInvalid" | "viesValid"; values: { vat: string } }
  | { code: "viesValidNamed"; values: { vat: string; name: string } }
  /** `reason`: VIES's own code (MS_UNAVAILABLE, TIMEOUT, HTTP_503…). */
  | { code: "viesUnavailable"; values: { reason: string } };

export interface SuggestResult {
  suggestions: Suggestion[];
  notes: SuggestNote[];
}

export const enrichSchema = z
  .object({
    directoryCompanyId: z.number().int().positive().max(MAX_ID),
    contactId: z.number().int().positive().max(MAX_ID).nullable().optional(),
    formKey: textField().min(8).max(100).nullable().optional(),
    current: z.object({ name: formText, country: formText, zip: formText, city: formText, street: formText }),
    vat: textField().max(30).nullable().optional(),
  })
  .refine((input) => input.contactId || input.formKey, "leads.contactOrFormKey");

export type EnrichRequest = z.input<typeof enrichSchema>;

/** What a Partner Autocomplete pick fills in the form (only the fields that were empty). */
export interface EnrichFill {
  fill: Partial<Record<"name" | "country" | "zip" | "city" | "street", string>>;
}

export const MAX_LEADS = 200;

export const generateLeadsSchema = z.object({
  // Digits only: Number() would also read "0x10" or "1e2".
  count: z
    .union([z.number(), textField().trim().regex(/^\d{1,6}$/, "field.wholeNumber").transform(Number)], { error: "leads.countMissing" })
    .pipe(z.number().int("field.wholeNumber").min(1, "field.atLeast").max(MAX_LEADS, "field.atMost")),
  countries: formList(z.array(textField().trim().toUpperCase().regex(/^[A-Z]{2}$/)).min(1, "leads.countriesMissing")),
  industries: formList(z.array(textField().trim().min(1).max(100)).min(1, "leads.industriesMissing")),
  clientKey: textField().min(8).max(100),
});
