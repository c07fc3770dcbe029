"use client";

// Countries for Generate Leads: a filter box over a list of checkboxes, the
// chosen ones shown as removable chips. Hand-written on native checkboxes
// (keyboard, screen readers and form submission work as for any checkbox)
// rather than a combobox library: the list is a few dozen names, and
// filtering it is a string match.
import { useId, useState } from "react";
import { useTranslations } from "next-intl";

export function CountryPicker({
  name,
  countries,
  chosen,
  onChange,
  errors,
}: {
  name: string;
  countries: { code: string; name: string }[];
  chosen: string[];
  onChange: (codes: string[]) => void;
  errors?: string[];
}) {
  const t = useTranslations("leads.countries");
  const id = useId();
  const [filter, setFilter] = useState("");
  const key = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  const shown = countries.filter((country) => key(`${country.name} ${country.code}`).includes(key(filter.trim())));
  const nameOf = (code: string) => countries.find((country) => country.code === code)?.name ?? code;
  const toggle = (code: string, on: boolean) => onChange(on ? [...chosen, code] : chosen.filter((c) => c !== code));

  return (
    <fieldset aria-describedby={`${id}-hint`} aria-invalid={errors?.length ? true : undefined}>
      <legend className="text-sm font-medium text-gray-800">{t("legend")}</legend>
      {chosen.length > 0 && (
        <ul aria-label={t("chosen")} className="mt-2 flex flex-wrap gap-1.5">
          {chosen.map((code) => (
            <li key={code}>
              <button
                type="button"
                onClick={() => toggle(code, false)}
                className="inline-flex items-center gap-1 rounded-full bg-brand-100 px-2.5 py-0.5 text-sm text-brand-800 hover:bg-brand-50"
                aria-label={t("remove", { country: nameOf(code) })}
              >
                {nameOf(code)} <span aria-hidden>×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={`${id}-filter`} className="sr-only">
        {t("find")}
      </label>
      <input
        id={`${id}-filter`}
        type="search"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        onKeyDown={(event) => {
          // Enter ticks the only match instead of submitting the form.
          if (event.key !== "Enter") return;
          event.preventDefault();
          if (shown.length === 1) toggle(shown[0].code, !chosen.includes(shown[0].code));
        }}
        placeholder={t("findPlaceholder")}
        autoComplete="off"
        className="mt-2 block w-full max-w-sm rounded-md border border-gray-300 px-3 py-2 text-sm shadow-xs focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
      />
      <div className="mt-1 max-h-56 max-w-sm overflow-y-auto rounded-md border border-gray-200 bg-white py-1">
        {shown.length === 0 && <p className="px-3 py-2 text-sm text-gray-600">{t("noMatch", { filter: filter.trim() })}</p>}
        {shown.map((country) => (
          <label key={country.code} className="flex cursor-pointer items-center gap-2 px-3 py-1.5 text-sm text-gray-800 hover:bg-gray-50">
            <input type="checkbox" checked={chosen.includes(country.code)} onChange={(event) => toggle(country.code, event.target.checked)} className="size-4 accent-brand-600" />
            {country.name}
          </label>
        ))}
      </div>
      {/* The chosen ones are what the form sends, filtered out of view or not. */}
      {chosen.map((code) => (
        <input key={code} type="hidden" name={name} value={code} />
      ))}
      <p id={`${id}-hint`} className="mt-1 text-xs text-gray-600">
        {t("hint")}
      </p>
      {errors?.length ? <p className="mt-1 text-sm text-red-700">{errors.join(" ")}</p> : null}
    </fieldset>
  );
}
