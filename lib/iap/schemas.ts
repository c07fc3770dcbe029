// Shared by the Warn Me form and its server action (plain module: no "server-only").
import { z } from "zod";
import { parseCredits } from "./units";
import { textField } from "@/lib/http/params";

export type WarningSettings = { warnEnabled: true; threshold: bigint; email: string } | { warnEnabled: false };

const formText = z.preprocess((value) => (typeof value === "string" ? value : ""), textField());

/**
 * Warn Me, as posted by the Account Information form. The threshold is in the
 * service's unit (`decimals` places allowed), converted to units exactly by
 * parseCredits; threshold and address are checked only when Warn Me is ticked.
 */
export function warningSettingsSchema(decimals: number) {
  return z
    .object({
      warnEnabled: z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean()),
      threshold: formText,
      email: formText.pipe(textField().trim()),
    })
    .transform((input, ctx): WarningSettings => {
      if (!input.warnEnabled) return { warnEnabled: false };
      const threshold = parseCredits(input.threshold, decimals);
      if (!threshold.ok) ctx.addIssue({ code: "custom", path: ["threshold"], message: threshold.error });
      if (input.email === "") {
        ctx.addIssue({ code: "custom", path: ["email"], message: "Enter the e-mail address that receives the warning." });
      } else if (input.email.length > 254 || !z.email().safeParse(input.email).success) {
        ctx.addIssue({ code: "custom", path: ["email"], message: "Enter a valid e-mail address, such as name@example.com." });
      }
      if (!threshold.ok) return z.NEVER;
      return { warnEnabled: true, threshold: threshold.units, email: input.email };
    });
}

/** A budget as posted by the budget forms: a limit in the service's unit (blank removes the budget) and hard or soft. */
export function budgetSchema(decimals: number) {
  return z
    .object({
      limit: formText.pipe(z.string().trim()),
      mode: z.enum(["hard", "soft"], { error: "Choose whether the budget refuses or only warns." }),
    })
    .transform((input, ctx): { limit: bigint; hard: boolean } | null => {
      if (input.limit === "") return null;
      const limit = parseCredits(input.limit, decimals);
      if (!limit.ok) {
        ctx.addIssue({ code: "custom", path: ["limit"], message: limit.error });
        return z.NEVER;
      }
      return { limit: limit.units, hard: input.mode === "hard" };
    });
}
