"use client";

import { startTransition, useId, useState } from "react";
import { actionMessage, PromptNotice, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { FieldError, TextField } from "@/components/form";
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
const emptySigner = (): SignerRow => ({ key: nextKey++, contactId: "", name: "", email: "", requireVerification: true });

export function NewRequestForm({
  contacts,
  providerLabel,
  isTestProvider,
  creditsAvailable,
}: {
  contacts: ContactOption[];
  providerLabel: string;
  isTestProvider: boolean;
  creditsAvailable: string | null;
}) {
  const form = useActionForm(sendSignatureRequestAction);
  const message = actionMessage(form.state);
  const [title, setTitle] = useState("");
  const [signers, setSigners] = useState<SignerRow[]>(() => [emptySigner()]);
  const fileId = useId();
  const verifying = signers.filter((signer) => signer.requireVerification).length;

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
          <p className="text-sm text-gray-700">Nothing was sent.</p>
        </div>
      )}

      <TextField label="Title" name="title" value={title} onChange={(event) => setTitle(event.target.value)} errors={form.errors("title")} placeholder="e.g. Service agreement 2027" />

      <div>
        <label htmlFor={fileId} className="block text-sm font-medium text-gray-800">
          PDF document
        </label>
        <input
          id={fileId}
          name="document"
          type="file"
          accept="application/pdf,.pdf"
          aria-invalid={form.errors("document") ? true : undefined}
          aria-describedby={form.errors("document") ? `${fileId}-error` : undefined}
          className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:font-medium file:text-brand-700 hover:file:bg-brand-100"
        />
        <p className="mt-1 text-xs text-gray-500">Up to 8 MB. Signatures are stamped on the last page; an audit page is added.</p>
        {form.errors("document") && <FieldError id={`${fileId}-error`}>{form.errors("document")!.join(" ")}</FieldError>}
      </div>

      <div className="space-y-3">
        <h2 className="text-base font-semibold">Signers</h2>
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
        <Button type="button" variant="secondary" onClick={() => setSigners((rows) => [...rows, emptySigner()])} disabled={signers.length >= 20}>
          Add signer
        </Button>
      </div>

      <p className="rounded-md bg-gray-50 px-4 py-3 text-sm text-gray-700">
        Each identity verification costs 1 credit of <strong>Signer identification</strong>, charged when the signer verifies
        {verifying > 0 ? ` (up to ${verifying} for this request)` : ""}.{" "}
        {creditsAvailable !== null ? `Available: ${creditsAvailable} credits.` : "Eligible companies get free trial credits on first use."}
        {isTestProvider && <span className="mt-1 block text-amber-800">Identity provider: {providerLabel} (built in, for testing: it verifies nobody).</span>}
      </p>

      <div className="flex items-center gap-3">
        <Button type="submit" pending={form.pending} pendingLabel="Sending…">
          Send
        </Button>
        {!form.pending && form.failed && !form.prompt && message && <FieldError role="alert">{message}</FieldError>}
      </div>
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
  providerLabel: string;
  onChange: (patch: Partial<SignerRow>) => void;
  onRemove?: () => void;
}) {
  const selectId = useId();
  const checkId = useId();
  return (
    <fieldset className="rounded-lg border border-gray-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold text-gray-900">Signer {index + 1}</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <label htmlFor={selectId} className="block text-sm font-medium text-gray-800">
            Contact
          </label>
          <select
            id={selectId}
            value={signer.contactId}
            onChange={(event) => onChange({ contactId: event.target.value })}
            className="mt-1 block w-full rounded-md border border-gray-300 px-3 py-2 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
          >
            <option value="">New signer (saved as a contact)</option>
            {contacts.map((contact) => (
              <option key={contact.id} value={contact.id}>
                {contact.name} — {contact.email}
              </option>
            ))}
          </select>
        </div>
        {!signer.contactId && (
          <>
            <TextField label="Name" value={signer.name} onChange={(event) => onChange({ name: event.target.value })} autoComplete="off" />
            <TextField label="E-mail" type="email" value={signer.email} onChange={(event) => onChange({ email: event.target.value })} autoComplete="off" />
          </>
        )}
      </div>
      <div className="mt-3 flex flex-wrap items-start justify-between gap-3">
        <div className="flex items-start gap-2">
          <input
            id={checkId}
            type="checkbox"
            checked={signer.requireVerification}
            onChange={(event) => onChange({ requireVerification: event.target.checked })}
            className="mt-0.5 size-4 rounded border-gray-300 accent-brand-600"
          />
          <div>
            <label htmlFor={checkId} className="text-sm font-medium text-gray-900">
              Require identity verification
            </label>
            <p className="text-xs text-gray-600">The signer proves who they are with {providerLabel} before signing.</p>
          </div>
        </div>
        {onRemove && (
          <Button type="button" variant="link" onClick={onRemove} aria-label={`Remove signer ${index + 1}`}>
            Remove
          </Button>
        )}
      </div>
    </fieldset>
  );
}
