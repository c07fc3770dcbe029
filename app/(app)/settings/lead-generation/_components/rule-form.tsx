"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { FieldError, FieldLabel, SubmitRow, TextField } from "@/components/form";
import type { FormAction } from "@/lib/actions/state";

export function RuleForm({
  action,
  countries,
}: {
  action: FormAction;
  countries: { code: string; name: string }[];
}) {
  const t = useTranslations("leads.ruleForm");
  const form = useActionForm(action);
  const errors = form.fieldErrors;
  const countriesId = useId();
  // After a refusal the fields come back as typed (React resets the form after
  // its action). The key remounts the form when the kept values change, so the
  // multiple select starts from them too (React does not update an
  // uncontrolled select's selection when its defaultValue changes).
  return (
    <form key={form.failed ? JSON.stringify(form.state?.ok === false ? form.state.values : null) : "fresh"} action={form.action} noValidate className="grid gap-4 rounded-lg border border-gray-200 bg-white p-4 shadow-xs sm:grid-cols-2">
      <TextField label={t("name")} name="name" placeholder={t("namePlaceholder")} defaultValue={form.value("name")} errors={errors.name} required />
      <TextField
        label={t("patterns")}
        name="urlPatterns"
        placeholder="/pricing /contact*" // i18n-ignore: URL patterns, not words
        defaultValue={form.value("urlPatterns")}
        errors={errors.urlPatterns}
        hint={t("patternsHint")}
      />
      <div>
        <FieldLabel htmlFor={countriesId}>{t("countries")}</FieldLabel>
        <select
          id={countriesId}
          name="countries"
          multiple
          size={5}
          defaultValue={[...form.values("countries")]}
          aria-describedby={`${countriesId}-hint`}
          className="mt-1 block w-full rounded-md border border-gray-300 bg-white px-2 py-1 text-sm shadow-xs"
        >
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        <p id={`${countriesId}-hint`} className="mt-1 text-xs text-gray-600">
          {t("countriesHint")}
        </p>
        {errors.countries && <FieldError>{errors.countries.join(" ")}</FieldError>}
      </div>
      <div className="grid grid-cols-2 gap-4">
        <TextField label={t("minViews")} name="minPageViews" type="number" min={1} max={1000} defaultValue={form.value("minPageViews", "2")} errors={errors.minPageViews} />
        <TextField label={t("maxPerDay")} name="maxLeadsPerDay" type="number" min={1} max={1000} defaultValue={form.value("maxLeadsPerDay", "10")} errors={errors.maxLeadsPerDay} />
        <label className="col-span-2 flex items-center gap-2 text-sm text-gray-800">
          <input type="checkbox" name="active" defaultChecked={form.checked("active", true)} className="size-4 rounded border-gray-300" /> {t("active")}
        </label>
      </div>
      <SubmitRow label={t("submit")} pendingLabel={t("saving")} pending={form.pending} wrap className="sm:col-span-2">
        <span className="text-xs text-gray-600">{t("cost")}</span>
        <ActionFeedback state={form.state} />
      </SubmitRow>
    </form>
  );
}
