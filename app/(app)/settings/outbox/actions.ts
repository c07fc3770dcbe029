"use server";

import { revalidatePath } from "next/cache";
import { formAction, ok, refuse } from "@/lib/actions/action";
import { retryEmail } from "@/lib/mail/delivery";
import { retryEmailSchema } from "@/lib/mail/schemas";
import { outboxEmailPath } from "@/lib/routes";

/** Retry now: the e-mail's delivery job runs again at once; what became of it is the answer (sent, kept, or failed again). */
export const retryEmailAction = formAction({
  role: "ADMIN",
  input: retryEmailSchema,
  async run({ user, input }) {
    const outcome = await retryEmail(user.companyId, input.id);
    if (outcome.status === "not-retriable") return refuse("This e-mail was already sent, is being sent right now, or does not exist.");
    revalidatePath("/settings/outbox");
    revalidatePath(outboxEmailPath(input.id));
    switch (outcome.status) {
      case "sent":
        return ok("Sent.", { sent: true });
      case "not-delivered":
        return ok(`${outcome.lastError}. The message stays here and goes out once it is set.`, { sent: false });
      case "failed":
        return ok(`Sending failed: ${outcome.lastError ?? "unknown error"}. It will be retried automatically.`, { sent: false });
      case "queued":
        return ok("Queued: it goes out with the next background job run.", { sent: false });
    }
  },
});
