"use client";
// The form of Settings → API keys and Settings → Webhooks: it creates a
// credential whose secret is shown once, in the answer, and never again (a
// key is kept only as its hash; a signing secret is not shown after this), so
// the form shows it above itself, with a copy button and what to do with it.
// Its words are the form's part of the catalogue: its card's heading, submit,
// submitting, shownOnce, secretLabel, copy and copied. The caller passes its
// translator (useTranslations with a literal namespace, which is how the
// page's provider knows which messages to send to the browser).
import type { ReactNode } from "react";
import { ActionFeedback, useActionForm, type ActionForm } from "@/components/action-feedback";
import { CopyButton } from "@/components/copy-button";
import { SubmitRow } from "@/components/form";
import { Section } from "@/components/section";
import type { FormAction } from "@/lib/actions/state";

/** What the answer shows once: the secret, the values of the shownOnce message, and what to do with it. */
export interface ShownOnce {
  secret: string;
  values?: Record<string, string>;
  explain: ReactNode;
}

export function SecretForm<T>({
  action,
  words,
  shown,
  children,
}: {
  action: FormAction<T>;
  /** The translator of the form's part of the catalogue (the API key form: apiKeys.new). */
  words: (key: string, values?: Record<string, string>) => string;
  shown: (created: T) => ShownOnce;
  /** The fields, given the form's state (kept values, field errors). */
  children: (form: ActionForm<T>) => ReactNode;
}) {
  const form = useActionForm(action);
  const created = form.data === undefined ? null : shown(form.data);
  return (
    <Section look="card" title={words("heading")}>
      <div className="space-y-4">
        {created && (
          <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
            <p className="font-medium">{words("shownOnce", created.values)}</p>
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <code aria-label={words("secretLabel")} className="min-w-0 flex-1 break-all rounded border border-amber-200 bg-white px-2 py-1.5 font-mono text-gray-900">
                {created.secret}
              </code>
              <CopyButton text={created.secret} copy={words("copy")} copied={words("copied")} />
            </div>
            <p className="mt-2">{created.explain}</p>
          </div>
        )}
        <form action={form.action} className="space-y-4" noValidate>
          {children(form)}
          <SubmitRow label={words("submit")} pendingLabel={words("submitting")} pending={form.pending}>
            {!form.pending && form.failed && <ActionFeedback state={form.state} />}
          </SubmitRow>
        </form>
      </div>
    </Section>
  );
}
