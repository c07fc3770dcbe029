"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { FieldError, TextField } from "@/components/form";
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
        <fieldset>
          <legend className="text-sm font-medium text-gray-800">{t("new.scopes")}</legend>
          <div className="mt-1 space-y-2">
            {API_SCOPES.map((scope) => (
              <label key={scope} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="scopes" value={scope} defaultChecked={form.values("scopes", API_SCOPES).includes(scope)} className="mt-0.5 size-4 shrink-0 accent-brand-600" />
                <span>
                  <span className="font-medium text-gray-900">{t(`scopes.${scope}.label`)}</span>
                  <span className="block text-gray-600">{t(`scopes.${scope}.hint`)}</span>
                </span>
              </label>
            ))}
          </div>
          {form.errors("scopes") && <FieldError>{form.errors("scopes")!.join(" ")}</FieldError>}
        </fieldset>
        <div className="flex items-center gap-3">
          <Button type="submit" pending={form.pending} pendingLabel={t("new.submitting")}>
            {t("new.submit")}
          </Button>
          {!form.pending && form.failed && <ActionFeedback state={form.state} />}
        </div>
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
