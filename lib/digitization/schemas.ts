import { z } from "zod";
import { parseAmount } from "./extract/amounts";
import { ibanIsValid, isIsoDate, normaliseVat, vatFormat } from "./extract/checks";
import { textField } from "@/lib/http/params";

export const documentKindSchema = z.enum(["VENDOR_BILL", "EXPENSE_RECEIPT"], { message: "documents.kindMissing" });

const optionalText = textField()
  .trim()
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .default(null);

const optionalDate = optionalText.refine((v) => v === null || isIsoDate(v), { message: "documents.dateFormat" });

/** Cents in at most 14 digits (either sign: a credit note's are negative): far below the bigint column's limit, far above any real bill. */
const MAX_AMOUNT_DIGITS = 14;

const amount = (required: boolean) =>
  optionalText
    .transform((v, ctx) => {
      if (v === null) {
        if (required) ctx.addIssue({ code: "custom", message: "documents.totalMissing" });
        return null;
      }
      const parsed = parseAmount(v);
      if (parsed === null) ctx.addIssue({ code: "custom", message: "documents.amountFormat" });
      else if (parsed.replace(/\D/g, "").length > MAX_AMOUNT_DIGITS) ctx.addIssue({ code: "custom", message: "documents.amountTooLarge" });
      return parsed;
    });

/** What the reviewer confirms. Amounts come back as "1234.50" strings (exact, no floats). */
export const reviewSchema = z.object({
  vendorName: textField().trim().min(1, "documents.vendorMissing").max(200),
  vendorVat: optionalText
    .transform((v) => (v === null ? null : normaliseVat(v)))
    // The country's format is required; a check key that does not match is
    // shown as a warning before confirming (the bill may really carry it).
    .refine((v) => v === null || vatFormat(v) !== "invalid", { message: "documents.vatFormat" }),
  invoiceNumber: optionalText.refine((v) => v === null || v.length <= 60, { message: "field.atMostCharacters", params: { maximum: 60 } }),
  invoiceDate: optionalDate,
  dueDate: optionalDate,
  currency: textField()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "documents.currencyFormat"),
  subtotal: amount(false),
  tax: amount(false),
  total: amount(true),
  iban: optionalText
    .transform((v) => (v === null ? null : v.replace(/\s/g, "").toUpperCase()))
    .refine((v) => v === null || ibanIsValid(v), { message: "documents.ibanCheck" }),
});

export type ReviewInput = z.input<typeof reviewSchema>;
export type ReviewValues = z.output<typeof reviewSchema>;
