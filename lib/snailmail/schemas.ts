// The compose form's input, shared by the form and its server actions.
import { z } from "zod";
import { formFile } from "@/lib/form-fields";
import type { BuyCreditsPrompt } from "@/lib/iap/insufficient-credits";
import { idField, textField } from "@/lib/http/params";

/** Largest attached document accepted (the server action body limit in next.config.ts is above it). */
export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

export const composeSchema = z
  .object({
    contactId: idField("contacts.unknown"),
    mode: z.enum(["letter", "document"], { error: "letters.modeMissing" }),
    subject: textField().trim().min(1, "letters.subjectMissing").max(200, "letters.subjectTooLong"),
    body: textField().max(20_000, "letters.bodyTooLong").optional().default(""),
    color: z.enum(["bw", "color"]).default("bw"),
    sides: z.enum(["simplex", "duplex"]).default("simplex"),
    document: formFile(),
  })
  .superRefine((value, ctx) => {
    if (value.mode === "letter" && value.body.trim() === "") ctx.addIssue({ code: "custom", path: ["body"], message: "letters.bodyMissing" });
    if (value.mode === "document" && !value.document) ctx.addIssue({ code: "custom", path: ["document"], message: "letters.documentMissing" });
    if (value.mode === "document" && value.document && value.document.size > MAX_DOCUMENT_BYTES) {
      ctx.addIssue({ code: "custom", path: ["document"], message: "letters.documentTooLarge" });
    }
  });

export type ComposeValues = z.infer<typeof composeSchema>;

/** "Send" answered: the queued letter, and the buy prompt when the account cannot pay for it yet. */
export interface QueuedLetter {
  letterId: number;
  shortfall?: BuyCreditsPrompt;
}

/** The "≈ X credits" preview of the letter as the form stands. */
export interface Quote {
  credits: string;
  pages: number;
  sheets: number;
  zone: string;
  available: string;
  enough: boolean;
}
