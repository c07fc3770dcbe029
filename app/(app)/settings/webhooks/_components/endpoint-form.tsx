"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { FieldError, TextField } from "@/components/form";
import { WEBHOOK_EVENT_TYPES } from "@/lib/events/events";
import { createEndpointAction } from "../actions";

export function EndpointForm() {
  const t = useTranslations("webhooks");
  const form = useActionForm(createEndpointAction);
  const added = form.data;
  return (
    <div className="space-y-4">
      {added && (
        <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          <p className="font-medium">{t("add.shownOnce")}</p>
          <code aria-label={t("add.secretLabel")} className="mt-2 block break-all rounded border border-amber-200 bg-white px-2 py-1.5 font-mono text-gray-900">
            {added.signingKey}
          </code>
          <p className="mt-2">
            {t.rich("add.verify", {
              code: (chunks) => <code className="font-mono">{chunks}</code>,
              how: (chunks) => (
                <Link href="/developers/api#webhooks" className="font-medium text-brand-700 underline underline-offset-2 hover:decoration-2">
                  {chunks}
                </Link>
              ),
            })}{" "}
            <Link href={`/settings/webhooks/${added.endpointId}`} className="font-medium text-brand-700 underline underline-offset-2 hover:decoration-2">
              {t("add.open")}
            </Link>
          </p>
        </div>
      )}
      <form action={form.action} className="space-y-4" noValidate>
        <TextField label={t("add.url")} name="url" type="url" placeholder={t("add.urlPlaceholder")} defaultValue={form.value("url")} errors={form.errors("url")} required />
        <TextField
          label={t("add.description")}
          name="description"
          placeholder={t("add.descriptionPlaceholder")}
          defaultValue={form.value("description")}
          errors={form.errors("description")}
          hint={t("add.optional")}
        />
        <fieldset>
          <legend className="text-sm font-medium text-gray-800">{t("add.events")}</legend>
          <div className="mt-1 space-y-2">
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="events" value={type} defaultChecked={form.values("events", WEBHOOK_EVENT_TYPES).includes(type)} className="mt-0.5 size-4 shrink-0 accent-brand-600" />
                <span>
                  <span className="font-mono text-gray-900">{type}</span>
                  <span className="block text-gray-600">{t(`events.${type}`)}</span>
                </span>
              </label>
            ))}
          </div>
          {form.errors("events") && <FieldError>{form.errors("events")!.join(" ")}</FieldError>}
        </fieldset>
        <div className="flex items-center gap-3">
          <Button type="submit" pending={form.pending} pendingLabel={t("add.submitting")}>
            {t("add.submit")}
          </Button>
          {!form.pending && form.failed && <ActionFeedback state={form.state} />}
        </div>
      </form>
    </div>
  );
}
