"use client";

import { useTranslations } from "next-intl";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { SelectField, SubmitRow, TextField } from "@/components/form";
import { LanguageOptions, TimeZoneOptions } from "@/components/locale-options";
import { NewPasswordFields } from "@/components/password-fields";
import type { Locale } from "@/lib/i18n/locales";
import { changePasswordAction, updateProfileAction } from "../actions";

/**
 * Name, language and time zone. Each language is named in its own language
 * (someone who cannot read the current one still finds theirs); the empty
 * zone is the company's, which follows the company when it changes.
 */
export function DetailsForm({
  name,
  locale,
  timeZone,
  companyTimeZone,
  timeZones,
}: {
  name: string;
  locale: Locale;
  timeZone: string | null;
  companyTimeZone: string;
  timeZones: string[];
}) {
  const t = useTranslations("profile.details");
  const form = useActionForm(updateProfileAction);
  return (
    <form action={form.action} noValidate className="space-y-4">
      <TextField label={t("name")} name="name" defaultValue={form.value("name", name)} autoComplete="name" errors={form.errors("name")} className="max-w-md" />
      <div className="grid max-w-md gap-4">
        {/* Keyed on the saved value: after a change, the select shows what is now stored. */}
        <SelectField key={`locale-${locale}`} label={t("language")} name="locale" defaultValue={form.value("locale", locale)} errors={form.errors("locale")}>
          <LanguageOptions />
        </SelectField>
        <SelectField
          key={`zone-${timeZone}`}
          label={t("timeZone")}
          name="timeZone"
          defaultValue={form.value("timeZone", timeZone ?? "")}
          errors={form.errors("timeZone")}
          hint={t("timeZoneHint")}
        >
          <option value="">{t("companyTimeZone", { zone: companyTimeZone })}</option>
          <TimeZoneOptions zones={timeZones} />
        </SelectField>
      </div>
      <SubmitRow label={t("save")} pendingLabel={t("saving")} pending={form.pending} wrap>
        <ActionFeedback state={form.state} />
      </SubmitRow>
    </form>
  );
}

// The password fields are named like passwords (the current one too), so a
// refused form never gets them back: the action wrapper drops such fields.
export function PasswordForm({ email }: { email: string }) {
  const t = useTranslations("profile.password");
  const form = useActionForm(changePasswordAction);
  return (
    <form action={form.action} noValidate className="max-w-md space-y-4">
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <TextField label={t("current")} name="currentPassword" type="password" autoComplete="current-password" errors={form.errors("currentPassword")} />
      <NewPasswordFields repeatLabel={t("repeat")} errors={form.errors} />
      <SubmitRow label={t("submit")} pendingLabel={t("submitting")} pending={form.pending} wrap>
        <ActionFeedback state={form.state} />
      </SubmitRow>
    </form>
  );
}
