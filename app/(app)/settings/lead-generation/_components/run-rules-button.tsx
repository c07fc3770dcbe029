"use client";

import { useTranslations } from "next-intl";
import { actionMessage, PromptNotice, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { runRulesNowAction } from "../actions";

export function RunRulesButton() {
  const t = useTranslations("leads.settings.run");
  const form = useActionForm(runRulesNowAction);
  const message = actionMessage(form.state);
  const shortage = form.data?.shortage;
  return (
    <form action={form.action} className="space-y-2">
      <Button type="submit" variant="secondary" pending={form.pending} pendingLabel={t("pending")}>
        {t("button")}
      </Button>
      {/* The run's summary, whatever it found: news, not an error of the form. */}
      {message && (
        <p role="status" className={`text-sm ${form.failed ? "text-red-700" : "text-gray-800"}`}>
          {message}
        </p>
      )}
      {shortage && <PromptNotice prompt={shortage} />}
    </form>
  );
}
