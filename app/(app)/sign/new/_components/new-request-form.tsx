"use client";

import { startTransition, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { actionMessage, PromptNotice, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { CheckboxField, FieldError, FieldLabel, SelectField, SubmitRow, TextField } from "@/components/form";
import { useUnsavedChanges } from "@/components/unsaved-changes";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { sendSignatureRequestAction } from "../actions";

interface ContactOption {
  id: number;
  name: string;
  email: string;
}

interface SignerRow {
  key: number;
  /** "" = a new signer typed in. */
  contactId: string;
  name: string;
  email: string;
  requireVerification: boolean;
}

let nextKey = 1;
const emptySigner = (verificationAvailable: boolean): SignerRow => ({ key: nextKey++, contactId: "", name: "", email: "", requireVerification: verificationAvailable });

export function NewRequestForm({
  contacts,
  providerLabel,
  isTestProvider,
  creditsAvailable,
  defaultLocale,
}: {
  contacts: ContactOption[];
  /** null: no identity provider on this server, so signers cannot be asked to verify. */
  providerLabel: string | null;
  isTestProvider: boolean;
  creditsAvailable: string | null;
  /** The request's language to start with: the requester's own. */
  defaultLocale: Locale;
}) {
  const t = useTranslations("sign.new");
  const form = useActionForm(sendSignatureRequestAction);
  const message = actionMessage(form.state);
  const [title, setTitle] = useState("");
  const [signers, setSigners] = useState<SignerRow[]>(() => [emptySigner(providerLabel !== null)]);
  const fileId = useId();
  const verifying = signers.filter((signer) => signer.requireVerification).length;
  // Until it is sent (success redirects to the request): a title or a signer typed in is work to lose.
  useUnsavedChanges(!form.pending && (title.trim() !== "" || signers.some((signer) => signer.contactId || signer.name.trim() || signer.email.trim())));

  const update = (key: number, patch: Partial<SignerRow>) => setSigners((rows) => rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        data.set(
          "signers",
          JSON.stringify(
            signers.map((signer) =>
              signer.contactId
                ? { contactId: Number(signer.contactId), requireVerification: signer.requireVerification }
                : { name: signer.name, email: signer.email, requireVerification: signer.requireVerification },
            ),
          ),
        );
        startTransition(() => form.action(data));
      }}
    >
      {form.prompt && (
        <div className="space-y-1">
          <PromptNotice prompt={form.prompt} />
          <p className="text-sm text-gray-700">{t("nothingSent")}</p>
        </div>
      )}

      <TextField label={t("title")} name="title" value={title} onChange={(event) => setTitle(event.target.value)} errors={form.errors("title")} placeholder={t("titlePlaceholder")} />

      <SelectField label={t("language")} name="locale" defaultValue={defaultLocale} hint={t("languageHint")} className="max-w-xs">
        {LOCALES.map((locale) => (
          <option key={locale} value={locale}>
            {t(`languages.${locale}`)}
          </option>
        ))}
      </SelectField>

      <div>
        <FieldLabel htmlFor={fileId}>{t("document")}</FieldLabel>
        <input
          id={fileId}
          name="document"
          type="file"
          accept="application/pdf,.pdf"
          aria-invalid={form.errors("document") ? true : undefined}
          aria-describedby={form.errors("document") ? `${fileId}-error` : undefined}
          className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:font-medium file:text-brand-700 hover:file:bg-brand-100"
        />
        <p className="mt-1 text-xs text-gray-600">{t("documentHint")}</p>
        {form.errors("document") && <FieldError id={`${fileId}-error`}>{form.errors("document")!.join(" ")}</FieldError>}
      </div>

      <div className="space-y-3">
        <h2 className="text-base font-semibold">{t("signers")}</h2>
        {signers.map((signer, index) => (
          <SignerFieldset
            key={signer.key}
            index={index}
            signer={signer}
            contacts={contacts}
            providerLabel={providerLabel}
            onChange={(patch) => update(signer.key, patch)}
            onRemove={signers.length > 1 ? () => setSigners((rows) => rows.filter((row) => row.key !== signer.key)) : undefined}
          />
        ))}
        {form.errors("signers") && <FieldError role="alert">{form.errors("signers")!.join(" ")}</FieldError>}
        <Button type="button" variant="secondary" onClick={() => setSigners((rows) => [...rows, emptySigner(providerLabel !== null)])} disabled={signers.length >= 20}>
          {t("addSigner")}
        </Button>
      </div>

      {providerLabel === null ? (
        <p role="note" className="rounded-md bg-gray-50 px-4 py-3 text-sm text-gray-700">
          {t.rich("noProvider", { code: (chunks) => <code>{chunks}</code> })}
        </p>
      ) : (
        <p className="rounded-md bg-gray-50 px-4 py-3 text-sm text-gray-700">
          {t.rich("cost", { verifying, strong: (chunks) => <strong>{chunks}</strong> })}{" "}
          {creditsAvailable !== null ? t("available", { credits: creditsAvailable }) : t("trial")}
          {isTestProvider && <span className="mt-1 block text-amber-800">{t("testProvider", { provider: providerLabel })}</span>}
        </p>
      )}

      <SubmitRow label={t("send")} pendingLabel={t("sending")} pending={form.pending}>
        {!form.pending && form.failed && !form.prompt && message && <FieldError role="alert">{message}</FieldError>}
      </SubmitRow>
    </form>
  );
}

function SignerFieldset({
  index,
  signer,
  contacts,
  providerLabel,
  onChange,
  onRemove,
}: {
  index: number;
  signer: SignerRow;
  contacts: ContactOption[];
  providerLabel: string | null;
  onChange: (patch: Partial<SignerRow>) => void;
  onRemove?: () => void;
}) {
  const t = useTranslations("sign.new");
  const selectId = useId();
  return (
    <fieldset className="rounded-lg border border-gray-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold text-gray-900">{t("signer", { number: index + 1 })}</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <FieldLabel htmlFor={selectId}>{t("contact")}</FieldLabel>
          <select
            id={selectId}
            value={signer.contactId}
            onChange={(event) => onChange({ contactId: event.target.value })}
            className="mt-1 block w-full rounded-md border border-gray-300 px-3 py-2 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
          >
            <option value="">{t("newSigner")}</option>
            {contacts.map((contact) => (
              <option key={contact.id} value={contact.id}>
                {t("contactOption", { name: contact.name, email: contact.email })}
              </option>
            ))}
          </select>
        </div>
        {!signer.contactId && (
          <>
            <TextField label={t("name")} value={signer.name} onChange={(event) => onChange({ name: event.target.value })} autoComplete="off" />
            <TextField label={t("email")} type="email" value={signer.email} onChange={(event) => onChange({ email: event.target.value })} autoComplete="off" />
          </>
        )}
      </div>
      <div className="mt-3 flex flex-wrap items-start justify-between gap-3">
        <CheckboxField
          compact
          label={t("requireVerification")}
          hint={providerLabel === null ? t("verificationOff") : t("verificationHint", { provider: providerLabel })}
          checked={signer.requireVerification}
          disabled={providerLabel === null}
          onChange={(event) => onChange({ requireVerification: event.target.checked })}
        />
        {onRemove && (
          <Button type="button" variant="link" onClick={onRemove} aria-label={t("removeSigner", { number: index + 1 })}>
            {t("remove")}
          </Button>
        )}
      </div>
    </fieldset>
  );
}
