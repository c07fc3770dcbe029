"use client";

import Link from "next/link";
import { useEffect, useId, useState } from "react";
import { ActionFeedback, PromptNotice, useActionForm } from "@/components/action-feedback";
import { Button, buttonClasses } from "@/components/button";
import { TextField } from "@/components/form";
import type { FormAction } from "@/lib/actions/state";
import { MAX_LEADS } from "@/lib/enrichment/schemas";

export function GenerateLeadsForm({
  action,
  countries,
  industries,
}: {
  action: FormAction;
  countries: { code: string; name: string }[];
  industries: string[];
}) {
  const form = useActionForm(action);
  const { state } = form;
  // One key per submission: a double submit is one request (and one hold);
  // once the action has answered, the next submit is a new request.
  const [clientKey, setClientKey] = useState(() => crypto.randomUUID());
  useEffect(() => setClientKey(crypto.randomUUID()), [state]);
  const [count, setCount] = useState("10");
  const [chosenCountries, setChosenCountries] = useState<string[]>([]);
  const [chosenIndustries, setChosenIndustries] = useState<string[]>([]);
  const countriesId = useId();
  const n = Number(count);
  const valid = Number.isInteger(n) && n >= 1 && n <= MAX_LEADS;

  return (
    <form action={form.action} noValidate className="space-y-5 rounded-lg border border-gray-200 bg-white p-5 shadow-xs">
      <input type="hidden" name="clientKey" value={clientKey} />
      <TextField
        label="How many companies"
        name="count"
        type="number"
        min={1}
        max={MAX_LEADS}
        value={count}
        onChange={(event) => setCount(event.target.value)}
        errors={form.errors("count")}
        hint={`1 to ${MAX_LEADS}.`}
        className="max-w-48"
      />
      <div>
        <label htmlFor={countriesId} className="block text-sm font-medium text-gray-800">
          Countries
        </label>
        <select
          id={countriesId}
          name="countries"
          multiple
          size={8}
          value={chosenCountries}
          onChange={(event) => setChosenCountries([...event.target.selectedOptions].map((o) => o.value))}
          aria-invalid={Boolean(form.errors("countries")) || undefined}
          aria-describedby={`${countriesId}-hint`}
          className="mt-1 block w-full max-w-sm rounded-md border border-gray-300 bg-white px-2 py-1 text-sm shadow-xs focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
        >
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        <p id={`${countriesId}-hint`} className="mt-1 text-xs text-gray-500">
          Ctrl/⌘-click to choose several. Only countries where the directory knows companies&apos; industries are listed.
        </p>
        {form.errors("countries") && <p className="mt-1 text-sm text-red-700">{form.errors("countries")!.join(" ")}</p>}
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-gray-800">Industries</legend>
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
        Company size: not available — the embedded directory (GLEIF and S&amp;P 500 open data) has no headcount or revenue.
      </p>
      <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-900">
        {valid ? `Up to ${n} ${n === 1 ? "credit" : "credits"} will be consumed (1 per company found).` : `Choose between 1 and ${MAX_LEADS} companies.`}
      </p>
      {form.prompt && <PromptNotice prompt={form.prompt} />}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={form.pending} pendingLabel="Generating…">
          Generate Leads
        </Button>
        <Link href="/leads" className={buttonClasses("secondary")}>
          Cancel
        </Link>
        {!form.prompt && <ActionFeedback state={state} />}
      </div>
    </form>
  );
}
