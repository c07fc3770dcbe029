"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AuthError, authorize } from "@/lib/auth/session";
import { cancelLetter, resendLetter, runLetterQueueOnce } from "@/lib/snailmail/queue";
import { formDataOf, idField } from "@/lib/http/params";

export interface LetterActionState {
  ok: boolean;
  message: string;
  fieldErrors?: Record<string, string[] | undefined>;
}

const letterIdSchema = z.object({ letterId: idField("Unknown letter.") });

function refresh() {
  revalidatePath("/letters");
  revalidatePath("/contacts/[id]/post", "page");
}

/** Re-send: this letter only goes back In Queue and is tried at once. */
export async function resendLetterAction(_previous: LetterActionState, formData: FormData): Promise<LetterActionState> {
  formData = formDataOf(formData);
  try {
    const user = await authorize("ANY");
    const parsed = letterIdSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: "Unknown letter.", fieldErrors: z.flattenError(parsed.error).fieldErrors };
    const outcome = await resendLetter(user.companyId, parsed.data.letterId);
    refresh();
    const messages = {
      sent: "Letter sent.",
      error: "The letter was refused again: see its error.",
      retry: "The provider is unavailable: the letter will be retried.",
      "no-credit": "Not enough credits: the letter waits in the queue.",
      skipped: "The letter is being posted right now.",
      "not-allowed": "Only a letter in Error, or waiting for credits, can be re-sent.",
    } as const;
    return { ok: outcome === "sent", message: messages[outcome] };
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, message: error.message };
    throw error;
  }
}

export async function cancelLetterAction(_previous: LetterActionState, formData: FormData): Promise<LetterActionState> {
  formData = formDataOf(formData);
  try {
    const user = await authorize("ANY");
    const parsed = letterIdSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, message: "Unknown letter.", fieldErrors: z.flattenError(parsed.error).fieldErrors };
    const canceled = await cancelLetter(user.companyId, parsed.data.letterId);
    refresh();
    return canceled ? { ok: true, message: "Letter canceled." } : { ok: false, message: "This letter can no longer be canceled." };
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, message: error.message };
    throw error;
  }
}

/** Admins: run the queue now for their company's due letters (the scheduler does it every few minutes). */
export async function processQueueAction(_previous: LetterActionState): Promise<LetterActionState> {
  try {
    const user = await authorize("ADMIN");
    const result = await runLetterQueueOnce({ companyId: user.companyId });
    refresh();
    const parts = [`${result.sent} sent`, `${result.errors} in error`, `${result.retrying} to retry`];
    if (result.outOfCredits.length) parts.push("stopped: not enough credits");
    return { ok: true, message: `Queue processed: ${parts.join(", ")}.` };
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, message: error.message };
    throw error;
  }
}
