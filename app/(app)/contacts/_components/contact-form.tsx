"use client";

import Link from "next/link";
import { useCallback, useEffect, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { buttonClasses } from "@/components/button";
import { FieldLabel, SubmitRow, TextField } from "@/components/form";
import type { FormAction } from "@/lib/actions/state";
import { SendByPostLink } from "@/components/send-by-post-link";
import { useUnsavedChanges } from "@/components/unsaved-changes";
import { callingCode, parsePhone } from "@/lib/contacts/phone";
import type { ContactFormValues } from "./contact-values";
import { SendSmsDialog, type SmsSettings } from "../[id]/_components/send-sms-dialog";
import { fillEmpty, PartnerAutocomplete } from "./partner-autocomplete";

export type { ContactFormValues };

export function ContactForm({
  action,
  values,
  countries,
  companyCountry,
  sms,
}: {
  /** A save answers with the contact as stored (numbers formatted), which the form then shows. */
  action: FormAction<ContactFormValues>;
  values: ContactFormValues;
  countries: { code: string; name: string }[];
  companyCountry: string;
  /** On a saved contact: the SMS buttons and dialog. */
  sms?: SmsSettings;
}) {
  const t = useTranslations("contacts.form");
  const form = useActionForm(action);
  // Controlled fields (Partner Autocomplete fills them): React resets a form
  // after its action runs, and a refused save must not wipe what was typed.
  const [fields, setFields] = useState(values);
  // What the server has: the form is "dirty" while the fields differ from it.
  const [saved, setSaved] = useState(values);
  const savedData = form.data;
  useEffect(() => {
    if (!savedData) return;
    setSaved(savedData);
    setFields(savedData);
  }, [savedData]);
  const dirty = (Object.keys(saved) as (keyof ContactFormValues)[]).some((key) => key !== "id" && saved[key] !== fields[key]);
  useUnsavedChanges(dirty);
  const field = (name: keyof Omit<ContactFormValues, "id">) => ({
    name,
    value: fields[name],
    onChange: (event: { target: { value: string } }) => setFields((current) => ({ ...current, [name]: event.target.value })),
  });
  const country = fields.country;
  const [smsTo, setSmsTo] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const countryId = useId();
  const closeSms = useCallback(() => setSmsTo(null), []);
  const onSent = useCallback((message: string) => {
    setSmsTo(null);
    setConfirmation(message);
  }, []);

  const countries_ = { contact: country || null, company: companyCountry };
  const openSms = sms && values.id ? (number: string) => (setConfirmation(null), setSmsTo(number)) : undefined;

  return (
    <>
      {confirmation && (
        <p role="status" className="mb-4 flex items-center justify-between gap-3 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
          {confirmation}
          <button type="button" className="text-green-800 underline" onClick={() => setConfirmation(null)}>
            {t("dismiss")}
          </button>
        </p>
      )}
      <form action={form.action} noValidate className="space-y-5 rounded-lg border border-gray-200 bg-white p-5 shadow-xs">
        {values.id && <input type="hidden" name="id" value={values.id} />}
        <PartnerAutocomplete contactId={values.id} values={fields} onFill={(fill) => setFields((current) => fillEmpty(current, fill))} />
        <TextField label={t("name")} {...field("name")} required errors={form.errors("name")} className="max-w-xl" />
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField label={t("email")} {...field("email")} type="email" errors={form.errors("email")} autoComplete="off" />
          <div>
            <FieldLabel htmlFor={countryId}>{t("country")}</FieldLabel>
            <select
              id={countryId}
              {...field("country")}
              aria-invalid={Boolean(form.errors("country")) || undefined}
              className="mt-1 block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm shadow-xs focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
            >
              <option value="">—</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
            {form.errors("country") && <p className="mt-1 text-sm text-red-700">{form.errors("country")!.join(" ")}</p>}
          </div>
          <PhoneField label={t("phone")} name="phone" value={fields.phone} onChange={(phone) => setFields((current) => ({ ...current, phone }))} countries={countries_} errors={form.errors("phone")} onSms={openSms} optedOut={sms?.optedOut} />
          <PhoneField label={t("mobile")} name="mobile" value={fields.mobile} onChange={(mobile) => setFields((current) => ({ ...current, mobile }))} countries={countries_} errors={form.errors("mobile")} onSms={openSms} optedOut={sms?.optedOut} />
        </div>
        <div className="grid gap-5 sm:grid-cols-[2fr_1fr_2fr]">
          <TextField label={t("street")} {...field("street")} errors={form.errors("street")} />
          <TextField label={t("zip")} {...field("zip")} errors={form.errors("zip")} />
          <TextField label={t("city")} {...field("city")} errors={form.errors("city")} />
        </div>
        <SubmitRow label={t("save")} pendingLabel={t("saving")} pending={form.pending} wrap>
          <Link href="/contacts" className={buttonClasses("secondary")}>
            {values.id ? t("backToList") : t("discard")}
          </Link>
          {values.id && <SendByPostLink contactId={values.id} />}
          {/* The saved notice until the next edit; a refusal stays until it is fixed. */}
          {form.failed || !dirty ? <ActionFeedback state={form.state} /> : <span className="text-sm text-gray-700">{t("unsaved")}</span>}
        </SubmitRow>
      </form>
      {sms && values.id && smsTo !== null && (
        <SendSmsDialog
          contact={{ id: values.id, name: values.name, country: country || null }}
          number={smsTo}
          settings={sms}
          onClose={closeSms}
          onSent={onSent}
        />
      )}
    </>
  );
}

/** Names the code a number without one is read with: the contact's country's, else the company's. */
function unreadableNumberHint(t: ReturnType<typeof useTranslations<"contacts.form">>, countries: { contact: string | null; company: string }): string {
  const code = callingCode(countries.contact) ?? callingCode(countries.company);
  return t("unreadableNumber", { example: code ?? "none" });
}

function PhoneField({
  label,
  name,
  value,
  onChange,
  countries,
  errors,
  onSms,
  optedOut,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  countries: { contact: string | null; company: string };
  errors?: string[];
  onSms?: (number: string) => void;
  /** E.164 numbers that replied STOP to this company. */
  optedOut?: string[];
}) {
  const t = useTranslations("contacts.form");
  const id = useId();
  const trimmed = value.trim();
  const parsed = trimmed ? parsePhone(trimmed, countries) : null;
  const stopped = parsed !== null && (optedOut ?? []).includes(parsed.e164);
  const hint = !trimmed
    ? null
    : parsed
      ? parsed.international === trimmed
        ? null
        : { warn: false, text: t("savedAs", { number: parsed.international }) }
      : { warn: true, text: unreadableNumberHint(t, countries) };
  return (
    <div>
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      <div className="mt-1 flex items-center gap-2">
        <input
          id={id}
          name={name}
          type="tel"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoComplete="off"
          aria-describedby={hint ? `${id}-hint` : undefined}
          className={`block w-full rounded-md border px-3 py-2 text-sm shadow-xs focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 ${
            hint?.warn ? "border-amber-400" : "border-gray-300"
          }`}
        />
        {onSms && trimmed && (
          <button
            type="button"
            onClick={() => onSms(trimmed)}
            aria-label={t(stopped ? "smsToOptedOut" : "smsTo", { number: parsed?.international ?? trimmed })}
            title={stopped ? t("optedOutTitle") : t("smsTitle")}
            className={`shrink-0 rounded-md border bg-white p-2 shadow-xs ${stopped ? "border-amber-400 text-amber-700 hover:bg-amber-50" : "border-gray-300 text-brand-600 hover:bg-brand-50"}`}
          >
            <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-5">
              <path
                fillRule="evenodd"
                d="M3.43 2.52A41.3 41.3 0 0 1 10 2c2.24 0 4.43.18 6.57.52 1.5.24 2.43 1.53 2.43 2.94v5.08c0 1.41-.93 2.7-2.43 2.94a41.2 41.2 0 0 1-5.03.49l-3.3 3.3A.75.75 0 0 1 7 16.75v-3.03a41.3 41.3 0 0 1-3.57-.44C1.93 13.04 1 11.75 1 10.34V5.46c0-1.41.93-2.7 2.43-2.94ZM6 8a1 1 0 1 0 0 2 1 1 0 0 0 0-2Zm3 1a1 1 0 1 1 2 0 1 1 0 0 1-2 0Zm5-1a1 1 0 1 0 0 2 1 1 0 0 0 0-2Z"
                clipRule="evenodd"
              />
            </svg>
          </button>
        )}
      </div>
      {hint && (
        <p id={`${id}-hint`} className={`mt-1 text-xs ${hint.warn ? "text-amber-800" : "text-gray-600"}`}>
          {hint.warn && <span aria-hidden>⚠ </span>}
          {hint.text}
        </p>
      )}
      {stopped && (
        <p className="mt-1 text-xs font-medium text-amber-800">
          <span aria-hidden>⚠ </span>
          {t("optedOut")}
        </p>
      )}
      {errors?.length ? <p className="mt-1 text-sm text-red-700">{errors.join(" ")}</p> : null}
    </div>
  );
}
