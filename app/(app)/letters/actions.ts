"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, ok, refuse } from "@/lib/actions/action";
import { cancelLetter, resendLetter, runLetterQueueOnce } from "@/lib/snailmail/queue";
import { idField } from "@/lib/http/params";

const letterIdSchema = z.object({ letterId: idField("Unknown letter.") });

function refresh() {
  revalidatePath("/letters");
  revalidatePath("/contacts/[id]/post", "page");
}

const RESEND_OUTCOMES = {
  sent: "Letter sent.",
  error: "The letter was refused again: see its error.",
  retry: "The provider is unavailable: the letter will be retried.",
  "no-credit": "Not enough credits: the letter waits in the queue.",
  skipped: "The letter is being posted right now.",
  "not-allowed": "Only a letter in Error, or waiting for credits, can be re-sent.",
} as const;

/** Re-send: this letter only goes back In Queue and is tried at once. */
export const resendLetterAction = formAction({
  role: "ANY",
  input: letterIdSchema,
  async run({ user, input }) {
    const outcome = await resendLetter(user.companyId, input.letterId);
    refresh();
    return outcome === "sent" ? ok(RESEND_OUTCOMES.sent) : refuse(RESEND_OUTCOMES[outcome]);
  },
});

export const cancelLetterAction = formAction({
  role: "ANY",
  input: letterIdSchema,
  async run({ user, input }) {
    const canceled = await cancelLetter(user.companyId, input.letterId);
    refresh();
    return canceled ? ok("Letter canceled.") : refuse("This letter can no longer be canceled.");
  },
});

/** Admins: run the queue now for their company's due letters (the "letters.run" job does it as letters fall due). */
export const processQueueAction = formAction({
  role: "ADMIN",
  input: z.object({}),
  async run({ user }) {
    const result = await runLetterQueueOnce({ companyId: user.companyId });
    refresh();
    const parts = [`${result.sent} sent`, `${result.errors} in error`, `${result.retrying} to retry`];
    if (result.outOfCredits.length) parts.push("stopped: not enough credits");
    return ok(`Queue processed: ${parts.join(", ")}.`);
  },
});
