"use client";

import { useTranslations } from "next-intl";
import { ActionFeedback } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { SelectField, TextField } from "@/components/form";
import { NewPasswordFields } from "@/components/password-fields";
import { useSubmitThenSignIn } from "../../_components/use-submit-then-sign-in";
import { setupCompanyAction } from "../actions";

interface Option {
  code: string;
  name: string;
}

const optionsOf = (options: Option[]) =>
  options.map((option) => (
    <option key={option.code} value={option.code}>
      {option.name}
    </option>
  ));

/** The company and its first administrator; on success the browser signs in as that administrator. */
export function SetupForm({ countries, currencies, submitLabel }: { countries: Option[]; currencies: Option[]; submitLabel: string }) {
  const t = useTranslations("auth.setup");
  const form = useSubmitThenSignIn(setupCompanyAction, t("signInFailed"));
  return (
    <form action={form.action} noValidate className="mt-6 space-y-6">
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-gray-900">{t("yourCompany")}</legend>
        <TextField label={t("companyName")} name="companyName" autoComplete="organization" defaultValue={form.value("companyName")} errors={form.errors("companyName")} />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label={t("country")} name="country" defaultValue={form.value("country", "BE")} errors={form.errors("country")}>
            {optionsOf(countries)}
          </SelectField>
          <SelectField label={t("currency")} name="currency" defaultValue={form.value("currency", "EUR")} errors={form.errors("currency")}>
            {optionsOf(currencies)}
          </SelectField>
        </div>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-gray-900">{t("firstAdmin")}</legend>
        <TextField label={t("yourName")} name="name" autoComplete="name" defaultValue={form.value("name")} errors={form.errors("name")} />
        <TextField label={t("email")} name="email" type="email" autoComplete="username" defaultValue={form.value("email")} errors={form.errors("email")} />
        <NewPasswordFields label={t("password")} errors={form.errors} />
      </fieldset>
      <ActionFeedback state={form.state} />
      <Button type="submit" pending={form.pending} pendingLabel={t("submitting")} className="w-full">
        {submitLabel}
      </Button>
    </form>
  );
}
