"use client";

import Link from "next/link";
import { startTransition, useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { actionMessage, PromptNotice, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { useUnsavedChanges } from "@/components/unsaved-changes";
import { FieldError, FieldLabel, RadioGroup, TextAreaField, TextField } from "@/components/form";
import type { ActionState } from "@/lib/actions/state";
import type { Quote } from "@/lib/snailmail/schemas";
import { quoteLetterAction, sendLetterAction } from "../actions";

// How the letter is printed: each choice's field, its legend and its options
// (value, message key), the first one chosen at first.
const PRINT_CHOICES = [
  { name: "color", legendKey: "printing", options: [["bw", "blackWhite"], ["color", "colour"]] },
  { name: "sides", legendKey: "sides", options: [["simplex", "simplex"], ["duplex", "duplex"]] },
] as const;

export function ComposeForm({ contactId }: { contactId: number }) {
  const t = useTranslations("letters.compose");
  const form = useActionForm(sendLetterAction);
  const { state } = form;
  const [mode, setMode] = useState<"letter" | "document">("letter");
  const [quoteAnswer, setQuote] = useState<ActionState<Quote> | null>(null);
  const quote = quoteAnswer?.ok ? quoteAnswer.data : undefined;
  const [quoting, startQuote] = useTransition();
  const [dirty, setDirty] = useState(false);
  useUnsavedChanges(dirty);
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const message = actionMessage(state);
  const missing = form.errors("address");
  const shortfall = form.ok ? form.data?.shortfall : undefined;
  // One message per problem: a printing problem beside its field (text or PDF)
  // is not repeated in the banner above, nor under the price.
  const besideFields = new Set(["subject", "body", "document"].flatMap((name) => form.errors(name) ?? []));
  const bannerMessage = message && !(form.failed && besideFields.has(message)) ? message : null;
  const quoteProblem = actionMessage(quoteAnswer, { fieldsShown: false });
  const quoteMessage = quoteProblem && (besideFields.has(quoteProblem) || quoteProblem === message) ? t("correctToPrice") : quoteProblem;

  // The price follows the form: re-rendered and re-priced on the server a moment after each change.
  function requestQuote() {
    setDirty(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (!formRef.current) return;
      const data = new FormData(formRef.current);
      startQuote(async () => setQuote(await quoteLetterAction(data)));
    }, 400);
  }
  useEffect(() => () => clearTimeout(timer.current), []);

  // Submitted by hand rather than through <form action>: React resets a form
  // after its action, which would throw away the text (and the chosen file)
  // when the letter is refused. It is cleared only once the letter is queued.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clearTimeout(timer.current);
    const data = new FormData(event.currentTarget);
    startTransition(() => form.action(data));
  }
  useEffect(() => {
    if (state?.ok) {
      setDirty(false);
      formRef.current?.reset();
      setMode("letter");
      setQuote(null);
    }
  }, [state]);

  return (
    <form ref={formRef} onSubmit={submit} onChange={requestQuote} className="space-y-5 rounded-lg border border-gray-200 bg-white p-5" noValidate>
      <input type="hidden" name="contactId" value={contactId} />

      {form.prompt && <PromptNotice prompt={form.prompt} />}
      {state && bannerMessage && !form.prompt && (
        <div role={state.ok ? "status" : "alert"} className={`rounded-md px-4 py-3 text-sm ${state.ok ? "bg-green-50 text-green-900" : "bg-red-50 text-red-800"}`}>
          <p>{bannerMessage}</p>
          {missing && (
            <ul className="mt-1 list-inside list-disc">
              {missing.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
          {state.ok && (
            <p className="mt-1">
              <Link href="/letters" className="font-medium underline">
                {t("openLetters")}
              </Link>
            </p>
          )}
        </div>
      )}
      {shortfall && <PromptNotice prompt={shortfall} />}

      <RadioGroup
        inline
        legend={t("what")}
        name="mode"
        options={[
          { value: "letter", label: t("writeLetter") },
          { value: "document", label: t("attachPdf") },
        ]}
        value={mode}
        onChange={setMode}
      />

      <TextField label={t("subject")} name="subject" required maxLength={200} errors={form.errors("subject")} />

      {mode === "letter" ? (
        <TextAreaField label={t("body")} name="body" rows={12} errors={form.errors("body")} />
      ) : (
        <div>
          <FieldLabel htmlFor="letter-document">{t("document")}</FieldLabel>
          <input
            id="letter-document"
            name="document"
            type="file"
            accept="application/pdf,.pdf"
            aria-describedby="letter-document-hint"
            className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-gray-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
          />
          <p id="letter-document-hint" className="mt-1 text-xs text-gray-600">
            {t("documentHint")}
          </p>
          {form.errors("document") ? <FieldError>{form.errors("document")!.join(" ")}</FieldError> : null}
        </div>
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        {PRINT_CHOICES.map((choice) => (
          <RadioGroup
            key={choice.name}
            legend={t(choice.legendKey)}
            name={choice.name}
            options={choice.options.map(([value, label]) => ({ value, label: t(label) }))}
            defaultValue={choice.options[0][0]}
          />
        ))}
      </div>

      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-gray-100 pt-4">
        <div aria-live="polite" aria-busy={quoting || undefined} className="text-sm" data-testid="letter-price">
          {quote ? (
            <>
              <p className="text-base font-semibold text-gray-900">{t("price", { credits: quote.credits, count: Number(quote.credits.replace(/,/g, "")) })}</p>
              <p className="text-gray-600">
                {t("quote", { pages: quote.pages, sheets: quote.sheets, zone: quote.zone, available: quote.available })}
              </p>
              {!quote.enough && <p className="text-amber-800">{t("notEnough")}</p>}
            </>
          ) : (
            <p className="text-gray-700">{quoting ? t("pricing") : (quoteMessage ?? t("writeToPrice"))}</p>
          )}
          <p className="text-xs text-gray-600">{t("nothingCharged")}</p>
        </div>
        <Button type="submit" pending={form.pending} pendingLabel={t("sending")}>
          {t("send")}
        </Button>
      </div>
    </form>
  );
}
