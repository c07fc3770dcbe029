"use client";

import { useTranslations } from "next-intl";
import { actionMessage, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { retryEmailAction } from "../actions";

export function RetryButton({ id, subject, compact = false }: { id: number; subject: string; compact?: boolean }) {
  const t = useTranslations("outbox.retry");
  const form = useActionForm(retryEmailAction);
  const message = actionMessage(form.state);
  return (
    <form action={form.action} className={compact ? "flex flex-col items-start gap-1" : "flex flex-wrap items-center gap-3"}>
      <input type="hidden" name="id" value={id} />
      <Button
        type="submit"
        variant="secondary"
        pending={form.pending}
        pendingLabel={t("sending")}
        className={compact ? "whitespace-nowrap px-2.5! py-1! text-xs!" : ""}
        aria-label={compact ? t("buttonLabel", { subject }) : undefined}
      >
        {t("button")}
      </Button>
      {/* A status either way: the attempt ran, and its outcome (sent, kept, failed again) is news, not an error of the form. */}
      {message && (
        <p role="status" className={`text-sm ${form.data?.sent ? "text-green-700" : "text-red-700"}`}>
          {message}
        </p>
      )}
    </form>
  );
}
