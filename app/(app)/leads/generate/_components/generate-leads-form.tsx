"use client";

import Link from "next/link";
import { startTransition, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { ActionFeedback, PromptNotice, useActionForm } from "@/components/action-feedback";
import { Button, buttonClasses } from "@/components/button";
import { SubmitRow, TextField } from "@/components/form";
import type { FormAction } from "@/lib/actions/state";
import { MAX_LEADS } from "@/lib/enrichment/schemas";
import { useUnsavedChanges } from "@/components/unsaved-changes";
import { CountryPicker } from "./country-picker";

export function GenerateLeadsForm({
  action,
  countries,
  industries,
  available,
}: {
  action: FormAction;
  countries: { code: string; name: string }[];
  industries: string[];
  /** Whole Lead Generation credits available now (one per company found). */
  available: number;
}) {
  const t = useTranslations("leads.generate");
  const form = useActionForm(action);
  const { state } = form;
  // One key per submission: a double submit is one request (and one hold);
  // once the action has answered, the next submit is a new request.
  const [clientKey, setClientKey] = useState(() => crypto.randomUUID());
  useEffect(() => setClientKey(crypto.randomUUID()), [state]);
  const [count, setCount] = useState("10");
  const [chosenCountries, setChosenCountries] = useState<string[]>([]);
  const [chosenIndustries, setChosenIndustries] = useState<string[]>([]);
  const n = Number(count);
  const valid = Number.isInteger(n) && n >= 1 && n <= MAX_LEADS;
  const formRef = useRef<HTMLFormElement>(null);
  const tooMany = valid && n > available && available >= 1;
  useUnsavedChanges(!form.pending && (chosenCountries.length > 0 || chosenIndustries.length > 0));

  // "Generate N instead": as many as the credits allow, sent at once.
  function generateAffordable() {
    setCount(String(available));
    const data = new FormData(formRef.current!);
    data.set("count", String(available));
    startTransition(() => form.action(data));
  }

  return (
    <form ref={formRef} action={form.action} noValidate className="space-y-5 rounded-lg border border-gray-200 bg-white p-5 shadow-xs">
      <input type="hidden" name="clientKey" value={clientKey} />
      <TextField
        label={t("count")}
        name="count"
        type="number"
        min={1}
        max={MAX_LEADS}
        value={count}
        onChange={(event) => setCount(event.target.value)}
        errors={form.errors("count")}
        hint={t("countHint", { max: MAX_LEADS })}
        className="max-w-48"
      />
      <CountryPicker name="countries" countries={countries} chosen={chosenCountries} onChange={setChosenCountries} errors={form.errors("countries")} />
      <fieldset>
        <legend className="text-sm font-medium text-gray-800">{t("industries")}</legend>
        <div className="mt-2 grid gap-x-6 gap-y-1.5 sm:grid-cols-2 lg:grid-cols-3">
          {industries.map((industry) => (
            <label key={industry} className="flex items-center gap-2 text-sm text-gray-800">
              <input
                type="checkbox"
                name="industries"
                value={industry}
                checked={chosenIndustries.includes(industry)}
                onChange={(event) => setChosenIndustries((current) => (event.target.checked ? [...current, industry] : current.filter((i) => i !== industry)))}
                className="size-4 rounded border-gray-300 text-brand-600 focus:ring-brand-500"
              />
              {industry}
            </label>
          ))}
        </div>
        {form.errors("industries") && <p className="mt-1 text-sm text-red-700">{form.errors("industries")!.join(" ")}</p>}
      </fieldset>
      <p className="text-sm text-gray-600">
        {t("size")}
      </p>
      <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-900">
        {valid ? t("cost", { count: n }) : t("choose", { max: MAX_LEADS })} {t("available", { count: available })}
      </p>
      {(tooMany || (form.prompt && available >= 1 && available < n)) && (
        <div className="flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <p>
            {t("tooMany", { count: n, available })}
          </p>
          <Button type="button" variant="secondary" onClick={generateAffordable} disabled={form.pending}>
            {t("instead", { available })}
          </Button>
        </div>
      )}
      {form.prompt && <PromptNotice prompt={form.prompt} />}
      <SubmitRow label={t("submit")} pendingLabel={t("pending")} pending={form.pending} wrap>
        <Link href="/leads" className={buttonClasses("secondary")}>
          {t("cancel")}
        </Link>
        {!form.prompt && <ActionFeedback state={state} />}
      </SubmitRow>
    </form>
  );
}
