"use server";

import { formAction, ok, refuse } from "@/lib/actions/action";
import { retryEmail } from "@/lib/mail/delivery";
import { retryEmailSchema } from "@/lib/mail/schemas";
import { outboxEmailPath } from "@/lib/routes";

/** Retry now: the e-mail's delivery job runs again at once; what became of it is the answer (sent, kept, or failed again). */
export const retryEmailAction = formAction({
  role: "ADMIN",
  input: retryEmailSchema,
  messages: "outbox.retry",
  revalidate: (input) => ["/settings/outbox", outboxEmailPath(input.id)],
  async run({ user, input, t }) {
    const outcome = await retryEmail(user.companyId, input.id);
    if (outcome.status === "not-retriable") return refuse(t("notRetriable"));
    switch (outcome.status) {
      case "sent":
        return ok(t("sent"), { sent: true });
      case "not-delivered":
        return ok(t("notDelivered"), { sent: false });
      case "failed":
        return ok(t("failed", { error: outcome.lastError ?? t("unknownError") }), { sent: false });
      case "queued":
        return ok(t("queued"), { sent: false });
    }
  },
});
