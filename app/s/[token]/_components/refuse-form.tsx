"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { refuseAction } from "../actions";

export function RefuseForm({ token }: { token: string }) {
  const t = useTranslations("sign.signing.refuse");
  const form = useActionForm(refuseAction);
  const reasonId = useId();
  return (
    <details className="mt-4 text-sm">
      <summary className="cursor-pointer text-gray-600 hover:text-gray-900">{t("summary")}</summary>
      <form action={form.action} className="mt-3 space-y-2">
        <input type="hidden" name="token" value={token} />
        <label htmlFor={reasonId} className="block font-medium text-gray-800">
          {t("reason")}
        </label>
        <textarea id={reasonId} name="reason" maxLength={500} rows={2} defaultValue={form.value("reason")} className="block w-full rounded-md border border-gray-300 px-3 py-2 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30" />
        <Button type="submit" variant="danger" pending={form.pending} pendingLabel={t("pending")}>
          {t("submit")}
        </Button>
        {!form.pending && form.failed && <ActionFeedback state={form.state} fieldsShown={false} />}
      </form>
    </details>
  );
}
