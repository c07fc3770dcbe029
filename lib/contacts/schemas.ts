// Shared by the contact form (client) and its server actions.
import { z } from "zod";
import { isCountryCode } from "./countries";
import { idField, textField } from "@/lib/http/params";

const optionalText = (max: number) =>
  textField()
    .trim()
    .max(max, "field.atMostCharacters")
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional()
    .transform((value) => value ?? null);

export const contactSchema = z.object({
  name: textField().trim().min(1, "contacts.nameMissing").max(200, "field.atMostCharacters"),
  email: textField()
    .trim()
    .max(254)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional()
    .transform((value) => value ?? null)
    .refine((value) => value === null || z.email().safeParse(value).success, "contacts.emailInvalid"),
  // Phone numbers are kept as typed: an unparseable one gets a warning in the
  // form, and the SMS dialog is where it blocks sending.
  phone: optionalText(40),
  mobile: optionalText(40),
  country: textField()
    .trim()
    .toUpperCase()
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional()
    .transform((value) => value ?? null)
    .refine((value) => value === null || isCountryCode(value), "contacts.countryUnknown"),
  street: optionalText(200),
  city: optionalText(100),
  zip: optionalText(20),
});

export type ContactInput = z.output<typeof contactSchema>;
export type ContactFormValues = z.input<typeof contactSchema>;

export const noteSchema = z.object({
  contactId: idField("contacts.unknown"),
  body: textField().trim().min(1, "contacts.noteMissing").max(10_000, "field.atMostCharacters"),
});

export const CONTACTS_PAGE_SIZE = 20;

export const contactListQuerySchema = z.object({
  // A NUL cannot be searched for in PostgreSQL text: dropped rather than failing the query.
  q: textField().trim().max(100).transform((q) => q.replaceAll("\u0000", "")).catch("").default(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
