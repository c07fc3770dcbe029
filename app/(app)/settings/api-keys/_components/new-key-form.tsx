"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { CheckboxGroup, SubmitRow, TextField } from "@/components/form";
import { API_SCOPES } from "@/lib/api/keys-scopes";
import { createApiKeyAction } from "../actions";

export function NewKeyForm() {
  const t = useTranslations("apiKeys");
  const form = useActionForm(createApiKeyAction);
  return (
    <div className="space-y-4">
      {form.data && <ShownOnce name={form.data.name} secret={form.data.key} />}
      <form action={form.action} className="space-y-4" noValidate>
        <TextField label={t("new.name")} name="name" placeholder={t("new.namePlaceholder")} autoComplete="off" defaultValue={form.value("name")} errors={form.errors("name")} required maxLength={100} />
        <CheckboxGroup
          legend={t("new.scopes")}
          name="scopes"
          options={API_SCOPES.map((scope) => ({
            value: scope,
            title: <span className="font-medium text-gray-900">{t(`scopes.${scope}.label`)}</span>,
            hint: t(`scopes.${scope}.hint`),
          }))}
          checked={form.values("scopes", API_SCOPES)}
          errors={form.errors("scopes")}
        />
        <SubmitRow label={t("new.submit")} pendingLabel={t("new.submitting")} pending={form.pending}>
          {!form.pending && form.failed && <ActionFeedback state={form.state} />}
        </SubmitRow>
      </form>
    </div>
  );
}

/** The new key, in clear, with a copy button: the only time it is shown. */
function ShownOnce({ name, secret }: { name: string; secret: string }) {
  const t = useTranslations("apiKeys.new");
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-4">
      <p className="text-sm font-medium text-amber-900">{t("shownOnce", { name })}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code aria-label={t("secretLabel")} className="min-w-0 flex-1 break-all rounded border border-amber-200 bg-white px-2 py-1.5 font-mono text-sm text-gray-900">
          {secret}
        </code>
        <Button
          type="button"
          variant="secondary"
          onClick={() => navigator.clipboard.writeText(secret).then(() => setCopied(true), () => setCopied(false))}
        >
          {t(copied ? "copied" : "copy")}
        </Button>
      </div>
      <p className="mt-2 text-sm text-amber-900">
        {t.rich("howToSend", { code: (chunks) => <code className="font-mono">{chunks}</code> })}
      </p>
    </div>
  );
}
