"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/action-button";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { cancelLetterAction, processQueueAction, resendLetterAction } from "../actions";

// One form per letter and action, so a click acts on that letter only.

export function ResendButton({ letterId }: { letterId: number }) {
  const t = useTranslations("letters.actions");
  return (
    <ActionButton action={resendLetterAction} fields={{ letterId }} pendingLabel={t("resending")}>
      {t("resend")}
      <span className="sr-only">{t("letterSr", { id: letterId })}</span>
    </ActionButton>
  );
}

export function CancelButton({ letterId }: { letterId: number }) {
  const t = useTranslations("letters.actions");
  return (
    <ActionButton action={cancelLetterAction} fields={{ letterId }} pendingLabel={t("canceling")} className="text-red-700">
      {t("cancel")}
      <span className="sr-only">{t("letterSr", { id: letterId })}</span>
    </ActionButton>
  );
}

export function ProcessQueueButton() {
  const t = useTranslations("letters.actions");
  const form = useActionForm(processQueueAction);
  return (
    <form action={form.action} className="flex items-center gap-3">
      <ActionFeedback state={form.state} />
      <Button variant="secondary" type="submit" pending={form.pending} pendingLabel={t("processing")}>
        {t("process")}
      </Button>
    </form>
  );
}
