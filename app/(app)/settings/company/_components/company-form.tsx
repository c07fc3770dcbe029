"use client";

import { useTranslations } from "next-intl";
import { startTransition, useState } from "react";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { SelectField, TextField } from "@/components/form";
import { LanguageOptions, TimeZoneOptions } from "@/components/locale-options";
import type { Locale } from "@/lib/i18n/locales";
import type { CompanyDetailsInput } from "@/lib/settings/schemas";
import { saveCompanyDetailsAction } from "../actions";

type TextFieldName = "name" | "street" | "zip" | "city" | "vatNumber";

export function CompanyForm({
  initial,
  timeZones,
}: {
  initial: Required<Pick<CompanyDetailsInput, TextFieldName>> & { locale: Locale; timeZone: string };
  timeZones: string[];
}) {
  const t = useTranslations("company");
  const form = useActionForm(saveCompanyDetailsAction);
  // Controlled fields, submitted from onSubmit: what was typed stays next to its error.
  const [values, setValues] = useState(initial);
  const [dirty, setDirty] = useState(false);
  const field = (name: keyof typeof initial) => ({
    name,
    value: values[name],
    errors: form.errors(name),
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
      setValues((current) => ({ ...current, [name]: event.target.value }));
      setDirty(true);
    },
  });
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        setDirty(false);
        startTransition(() => form.action(data));
      }}
    >
      <TextField label={t("name")} autoComplete="organization" {...field("name")} />
      <TextField label={t("street")} autoComplete="street-address" {...field("street")} />
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <TextField label={t("zip")} autoComplete="postal-code" {...field("zip")} />
        <TextField label={t("city")} autoComplete="address-level2" {...field("city")} />
      </div>
      <TextField
        label={t("vatNumber")}
        autoComplete="off"
        // i18n-ignore: a sample VAT number, the same in every language
        placeholder="BE0123456749"
        hint={t("vatHint")}
        {...field("vatNumber")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={t("language")} hint={t("languageHint")} {...field("locale")}>
          <LanguageOptions />
        </SelectField>
        <SelectField label={t("timeZone")} hint={t("timeZoneHint")} {...field("timeZone")}>
          <TimeZoneOptions zones={timeZones} />
        </SelectField>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" pending={form.pending} pendingLabel={t("saving")}>
          {t("save")}
        </Button>
        {!form.pending && !dirty && <ActionFeedback state={form.state} />}
      </div>
    </form>
  );
}
