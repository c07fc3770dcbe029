"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { formAction, ok, refuse } from "@/lib/actions/action";
import { cancelLetter, resendLetter, runLetterQueueOnce } from "@/lib/snailmail/queue";
import { idField } from "@/lib/http/params";

const letterIdSchema = z.object({ letterId: idField("letters.unknownLetter") });

function refresh() {
  revalidatePath("/letters");
  revalidatePath("/contacts/[id]/post", "page");
}

/** Re-send: this letter only goes back In Queue and is tried at once. */
export const resendLetterAction = formAction({
  role: "ANY",
  input: letterIdSchema,
  async run({ user, input }) {
    const t = await getTranslations("letters.outcome");
    const outcome = await resendLetter(user.companyId, input.letterId);
    refresh();
    return outcome === "sent" ? ok(t("sent")) : refuse(t(outcome));
  },
});

export const cancelLetterAction = formAction({
  role: "ANY",
  input: letterIdSchema,
  async run({ user, input }) {
    const t = await getTranslations("letters.outcome");
    const canceled = await cancelLetter(user.companyId, input.letterId);
    refresh();
    return canceled ? ok(t("canceled")) : refuse(t("notCancelable"));
  },
});

/** Admins: run the queue now for their company's due letters (the "letters.run" job does it as letters fall due). */
export const processQueueAction = formAction({
  role: "ADMIN",
  input: z.object({}),
  async run({ user }) {
    const t = await getTranslations("letters.outcome");
    const result = await runLetterQueueOnce({ companyId: user.companyId });
    refresh();
    return ok(t("queueProcessed", { sent: result.sent, errors: result.errors, retrying: result.retrying, stopped: result.outOfCredits.length ? "yes" : "no" }));
  },
});
