"use server";

import { z } from "zod";
import { formAction, ok } from "@/lib/actions/action";
import { actionsOf } from "@/lib/actions/row-action";
import { runLetterQueueOnce } from "@/lib/snailmail/queue";
import { cancelLetter, resendLetter } from "@/lib/snailmail/letter-actions";
import { idField } from "@/lib/http/params";

const letterIdSchema = z.object({ letterId: idField("letters.unknownLetter") });

// Where letters are listed: the letters page and each contact's Send by Post page.
const LETTER_PAGES = ["/letters", ["/contacts/[id]/post", "page"]] as const;
const rows = actionsOf({ role: "ANY", messages: "letters.outcome", revalidate: LETTER_PAGES });

/** Re-send: this letter only goes back In Queue and is tried at once. */
export const resendLetterAction = rows.rowAction({
  input: letterIdSchema,
  run: ({ user, input }) => resendLetter(user.companyId, input.letterId),
  answers: {
    sent: { ok: "sent" },
    error: { refuse: "error" },
    retry: { refuse: "retry" },
    "no-credit": { refuse: "no-credit" },
    skipped: { refuse: "skipped" },
    "not-allowed": { refuse: "not-allowed" },
  },
});

export const cancelLetterAction = rows.rowAction({
  input: letterIdSchema,
  run: ({ user, input }) => cancelLetter(user.companyId, input.letterId),
  answers: { true: { ok: "canceled" }, false: { refuse: "notCancelable" } },
});

/** Admins: run the queue now for their company's due letters (the "letters.run" job does it as letters fall due). */
export const processQueueAction = formAction({
  role: "ADMIN",
  input: z.object({}),
  messages: "letters.outcome",
  revalidate: LETTER_PAGES,
  async run({ user, t }) {
    const result = await runLetterQueueOnce({ companyId: user.companyId });
    return ok(t("queueProcessed", { sent: result.sent, errors: result.errors, retrying: result.retrying, stopped: result.outOfCredits.length ? "yes" : "no" }));
  },
});
