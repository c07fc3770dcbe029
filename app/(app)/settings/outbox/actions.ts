"use server";

import { revalidatePath } from "next/cache";
import { formAction, ok, refuse } from "@/lib/actions/action";
import { retryEmail } from "@/lib/mail/delivery";
import { retryEmailSchema } from "@/lib/mail/schemas";
import { outboxEmailPath } from "@/lib/routes";

/** Retry now: one delivery attempt of this e-mail; what became of it is the answer (sent, kept, or failed again). */
export const retryEmailAction = formAction({
  role: "ADMIN",
  input: retryEmailSchema,
  async run({ user, input }) {
    const outcome = await retryEmail(user.companyId, input.id);
    if (outcome.status === "not-retriable") return refuse(outcome.message);
    revalidatePath("/settings/outbox");
    revalidatePath(outboxEmailPath(input.id));
    return ok(outcome.message, { sent: outcome.ok });
  },
});
