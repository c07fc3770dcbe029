"use client";

import { useTranslations } from "next-intl";
import { ActionFeedback } from "@/components/action-feedback";
import { SelectField, SubmitRow, TextField } from "@/components/form";
import { useKeptValuesForm } from "@/components/kept-values-form";
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
  const form = useKeptValuesForm(saveCompanyDetailsAction, initial);
  const field = (name: keyof typeof initial) => ({
    name,
    value: form.values[name],
    errors: form.errors(name),
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => form.change({ [name]: event.target.value }),
  });
  return (
    <form noValidate className="space-y-4" onSubmit={form.onSubmit}>
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
      <SubmitRow label={t("save")} pendingLabel={t("saving")} pending={form.pending}>
        {!form.pending && !form.dirty && <ActionFeedback state={form.state} />}
      </SubmitRow>
    </form>
  );
}
