"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { formAction, ok, refuse } from "@/lib/actions/action";
import { retryEmail } from "@/lib/mail/delivery";
import { retryEmailSchema } from "@/lib/mail/schemas";
import { outboxEmailPath } from "@/lib/routes";

/** Retry now: the e-mail's delivery job runs again at once; what became of it is the answer (sent, kept, or failed again). */
export const retryEmailAction = formAction({
  role: "ADMIN",
  input: retryEmailSchema,
  async run({ user, input }) {
    const t = await getTranslations("outbox.retry");
    const outcome = await retryEmail(user.companyId, input.id);
    if (outcome.status === "not-retriable") return refuse(t("notRetriable"));
    revalidatePath("/settings/outbox");
    revalidatePath(outboxEmailPath(input.id));
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
