"use client";

import { useTranslations } from "next-intl";
import { ActionFeedback } from "@/components/action-feedback";
import { CheckboxField, SelectField, SubmitRow, TextField } from "@/components/form";
import { useKeptValuesForm } from "@/components/kept-values-form";
import { LOCALES } from "@/lib/i18n/locales";
import { saveWarningSettingsAction } from "../actions";

export interface WarningFormValues {
  warnEnabled: boolean;
  threshold: string;
  email: string;
  /** "" for the company's language. */
  warningLocale: string;
}

export function WarningForm({
  accountId,
  initial,
  unitName,
  decimals,
  companyLanguage,
}: {
  accountId: number;
  initial: WarningFormValues;
  unitName: string;
  decimals: number;
  /** The company's language, named in the reader's language: what "Default" sends the e-mail in. */
  companyLanguage: string;
}) {
  const t = useTranslations("iap.warning");
  const form = useKeptValuesForm(saveWarningSettingsAction, initial, { askBeforeLeaving: true });
  const { values, change } = form;

  return (
    <form noValidate className="space-y-4" onSubmit={form.onSubmit}>
      <input type="hidden" name="accountId" value={accountId} />
      <CheckboxField
        label={t("warnMe")}
        hint={t("warnMeHint")}
        name="warnEnabled"
        checked={values.warnEnabled}
        onChange={(event) => change({ warnEnabled: event.target.checked })}
      />

      {values.warnEnabled && (
        <div className="grid gap-4 pl-7 sm:grid-cols-2">
          <TextField
            label={t("threshold")}
            name="threshold"
            inputMode={decimals > 0 ? "decimal" : "numeric"}
            autoComplete="off"
            value={values.threshold}
            onChange={(event) => change({ threshold: event.target.value })}
            errors={form.errors("threshold")}
            hint={t("thresholdHint", { unit: unitName, decimals })}
          />
          <TextField
            label={t("email")}
            name="email"
            type="email"
            autoComplete="email"
            value={values.email}
            onChange={(event) => change({ email: event.target.value })}
            errors={form.errors("email")}
          />
          <SelectField
            label={t("language")}
            name="warningLocale"
            value={values.warningLocale}
            onChange={(event) => change({ warningLocale: event.target.value })}
            errors={form.errors("warningLocale")}
          >
            <option value="">{t("languageDefault", { language: companyLanguage })}</option>
            {LOCALES.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {t(`languageNames.${locale}`)}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      {/* Unticked, the language is kept as chosen (the action saves it either way). */}
      {!values.warnEnabled && <input type="hidden" name="warningLocale" value={values.warningLocale} />}

      <SubmitRow label={t("save")} pendingLabel={t("saving")} pending={form.pending}>
        {!form.pending && !form.dirty && <ActionFeedback state={form.state} />}
      </SubmitRow>
    </form>
  );
}
