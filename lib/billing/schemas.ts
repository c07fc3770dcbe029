// Input of the buy and demo-checkout forms, shared by the client forms and the
// server actions (a "use server" file may only export async functions).
import { z } from "zod";
import { serviceNameSchema } from "@/lib/iap/catalogue";
import type { Locale } from "@/lib/i18n/locales";
import { parseCredits } from "@/lib/iap/units";
import { idField } from "@/lib/http/params";

export const buyPackSchema = z.object({
  service: serviceNameSchema,
  packId: idField("billing.packMissing"),
});

export const purchaseIdSchema = z.object({
  purchaseId: idField("billing.unknownPurchase"),
});

const formText = z.preprocess((value) => (typeof value === "string" ? value : ""), z.string());

export type AutoTopupSettings = { enabled: true; threshold: bigint; packId: number; monthlyCap: number } | { enabled: false };

/**
 * Auto top-up, as posted by the Account Information form: "When the balance
 * falls below [threshold], buy [pack] automatically, at most [monthlyCap]
 * times per month". Checked only when it is being turned on. Issues carry
 * codes (messages/<locale>/validation.json), said by the action wrapper.
 */
export function autoTopupSchema(decimals: number, locale: Locale = "en") {
  return z
    .object({
      enabled: z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean()),
      threshold: formText,
      packId: formText,
      monthlyCap: formText,
    })
    .transform((input, ctx): AutoTopupSettings => {
      if (!input.enabled) return { enabled: false };
      const threshold = parseCredits(input.threshold, decimals, { locale });
      if (!threshold.ok) ctx.addIssue({ code: "custom", path: ["threshold"], message: `iap.creditsInput.${threshold.error}`, params: { decimals } });
      else if (threshold.units <= 0n) ctx.addIssue({ code: "custom", path: ["threshold"], message: "iap.autoTopup.thresholdZero" });
      const packId = Number(input.packId);
      if (!/^\d{1,9}$/.test(input.packId) || packId <= 0) ctx.addIssue({ code: "custom", path: ["packId"], message: "iap.autoTopup.packMissing" });
      const cap = Number(input.monthlyCap.trim());
      if (!/^\d{1,3}$/.test(input.monthlyCap.trim()) || cap < 1 || cap > 100) {
        ctx.addIssue({ code: "custom", path: ["monthlyCap"], message: "iap.autoTopup.capRange" });
      }
      if (!threshold.ok || threshold.units <= 0n) return z.NEVER;
      return { enabled: true, threshold: threshold.units, packId, monthlyCap: cap };
    });
}
