"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { CheckboxGroup, TextField } from "@/components/form";
import { API_SCOPES } from "@/lib/api/keys-scopes";
import { SecretForm } from "../../_components/secret-form";
import { createApiKeyAction } from "../actions";

export function NewKeyForm() {
  const t = useTranslations("apiKeys");
  const words = useTranslations("apiKeys.new");
  const code = (chunks: ReactNode) => <code className="font-mono">{chunks}</code>;
  return (
    <SecretForm action={createApiKeyAction} words={words} shown={(created) => ({ secret: created.key, values: { name: created.name }, explain: t.rich("new.howToSend", { code }) })}>
      {(form) => (
        <>
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
        </>
      )}
    </SecretForm>
  );
}
