"use client";

import { useTranslations } from "next-intl";
import { startTransition, useId, useState } from "react";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { SelectField, TextField } from "@/components/form";
import { LOCALES } from "@/lib/i18n/locales";
import { useUnsavedChanges } from "@/components/unsaved-changes";
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
  const form = useActionForm(saveWarningSettingsAction);
  // Controlled fields, submitted from onSubmit rather than <form action>: React
  // resets a form after an action (even a controlled checkbox's DOM state), and
  // what was typed must stay in place next to its error.
  const [values, setValues] = useState(initial);
  const [dirty, setDirty] = useState(false);
  const checkboxId = useId();
  useUnsavedChanges(dirty);
  const change = (patch: Partial<WarningFormValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    setDirty(true);
  };

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
      <input type="hidden" name="accountId" value={accountId} />
      <div className="flex items-start gap-3">
        <input
          id={checkboxId}
          type="checkbox"
          name="warnEnabled"
          checked={values.warnEnabled}
          onChange={(event) => change({ warnEnabled: event.target.checked })}
          className="mt-0.5 size-4 rounded border-gray-300 accent-brand-600"
        />
        <div>
          <label htmlFor={checkboxId} className="text-sm font-medium text-gray-900">
            {t("warnMe")}
          </label>
          <p className="text-sm text-gray-600">{t("warnMeHint")}</p>
        </div>
      </div>

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

      <div className="flex items-center gap-3">
        <Button type="submit" pending={form.pending} pendingLabel={t("saving")}>
          {t("save")}
        </Button>
        {!form.pending && !dirty && <ActionFeedback state={form.state} />}
      </div>
    </form>
  );
}
