"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { CheckboxGroup, SubmitRow, TextField } from "@/components/form";
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
        <CheckboxGroup
          legend={t("add.events")}
          name="events"
          options={WEBHOOK_EVENT_TYPES.map((type) => ({ value: type, title: <span className="font-mono text-gray-900">{type}</span>, hint: t(`events.${type}`) }))}
          checked={form.values("events", WEBHOOK_EVENT_TYPES)}
          errors={form.errors("events")}
        />
        <SubmitRow label={t("add.submit")} pendingLabel={t("add.submitting")} pending={form.pending}>
          {!form.pending && form.failed && <ActionFeedback state={form.state} />}
        </SubmitRow>
      </form>
    </div>
  );
}
