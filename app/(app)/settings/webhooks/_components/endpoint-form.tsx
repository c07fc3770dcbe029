"use client";

import { useTranslations, type RichTranslationValues } from "next-intl";
import { CheckboxGroup, TextField } from "@/components/form";
import { TextLink } from "@/components/text-link";
import { WEBHOOK_EVENT_TYPES } from "@/lib/events/events";
import { SecretForm } from "../../_components/secret-form";
import { createEndpointAction } from "../actions";

export function EndpointForm() {
  const t = useTranslations("webhooks");
  const words = useTranslations("webhooks.add");
  const verify: RichTranslationValues = {
    code: (chunks) => <code className="font-mono">{chunks}</code>,
    how: (chunks) => <TextLink href="/developers/api#webhooks">{chunks}</TextLink>,
  };
  return (
    <SecretForm
      action={createEndpointAction}
      words={words}
      shown={(added) => ({
        secret: added.signingKey,
        explain: (
          <>
            {t.rich("add.verify", verify)}{" "}
            <TextLink href={`/settings/webhooks/${added.endpointId}`}>{t("add.open")}</TextLink>
          </>
        ),
      })}
    >
      {(form) => (
        <>
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
        </>
      )}
    </SecretForm>
  );
}
