// The compose form's input, shared by the form and its server actions.
import { z } from "zod";
import { idField, textField } from "@/lib/http/params";

/** Largest attached document accepted (the server action body limit in next.config.ts is above it). */
export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

export const composeSchema = z
  .object({
    contactId: idField("Unknown contact."),
    mode: z.enum(["letter", "document"], { error: "Choose what to send." }),
    subject: textField().trim().min(1, "Enter a subject.").max(200, "Keep the subject under 200 characters."),
    body: textField().max(20_000, "The letter is too long: at most 20,000 characters.").optional().default(""),
    color: z.enum(["bw", "color"]).default("bw"),
    sides: z.enum(["simplex", "duplex"]).default("simplex"),
  })
  .superRefine((value, ctx) => {
    if (value.mode === "letter" && value.body.trim() === "") ctx.addIssue({ code: "custom", path: ["body"], message: "Write the letter." });
  });

export type ComposeValues = z.infer<typeof composeSchema>;

export interface ComposeState {
  ok: boolean;
  message: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** Address fields that are missing, by label. */
  missing?: string[];
  letterId?: number;
  /** The buy prompt, when the account cannot pay for this letter now. */
  shortfall?: { needed: string; available: string; buyUrl: string };
}

export interface Quote {
  ok: boolean;
  message?: string;
  credits?: string;
  pages?: number;
  sheets?: number;
  zone?: string;
  available?: string;
  enough?: boolean;
}
