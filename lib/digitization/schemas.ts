import { z } from "zod";
import { parseAmount } from "./extract/amounts";
import { ibanIsValid, isIsoDate, normaliseVat, vatFormat } from "./extract/checks";
import { textField } from "@/lib/http/params";

export const documentKindSchema = z.enum(["VENDOR_BILL", "EXPENSE_RECEIPT"], { message: "Choose vendor bill or expense receipt." });

const optionalText = textField()
  .trim()
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .default(null);

const optionalDate = optionalText.refine((v) => v === null || isIsoDate(v), { message: "Enter a date such as 2026-10-05." });

/** Cents in at most 14 digits (either sign: a credit note's are negative): far below the bigint column's limit, far above any real bill. */
const MAX_AMOUNT_DIGITS = 14;

const amount = (required: boolean) =>
  optionalText
    .transform((v, ctx) => {
      if (v === null) {
        if (required) ctx.addIssue({ code: "custom", message: "Enter the total." });
        return null;
      }
      const parsed = parseAmount(v);
      if (parsed === null) ctx.addIssue({ code: "custom", message: "Enter an amount such as 1234.50." });
      else if (parsed.replace(/\D/g, "").length > MAX_AMOUNT_DIGITS) ctx.addIssue({ code: "custom", message: "This amount is too large: at most 999,999,999,999.99." });
      return parsed;
    });

/** What the reviewer confirms. Amounts come back as "1234.50" strings (exact, no floats). */
export const reviewSchema = z.object({
  vendorName: textField().trim().min(1, "Enter the vendor's name.").max(200),
  vendorVat: optionalText
    .transform((v) => (v === null ? null : normaliseVat(v)))
    // The country's format is required; a check key that does not match is
    // shown as a warning before confirming (the bill may really carry it).
    .refine((v) => v === null || vatFormat(v) !== "invalid", { message: "Not a VAT number: use the country code and the number, such as BE0477472701." }),
  invoiceNumber: optionalText.refine((v) => v === null || v.length <= 60, { message: "At most 60 characters." }),
  invoiceDate: optionalDate,
  dueDate: optionalDate,
  currency: textField()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "Enter a three-letter currency code such as EUR."),
  subtotal: amount(false),
  tax: amount(false),
  total: amount(true),
  iban: optionalText
    .transform((v) => (v === null ? null : v.replace(/\s/g, "").toUpperCase()))
    .refine((v) => v === null || ibanIsValid(v), { message: "This IBAN's check digits do not match: check it." }),
});

export type ReviewInput = z.input<typeof reviewSchema>;
export type ReviewValues = z.output<typeof reviewSchema>;
