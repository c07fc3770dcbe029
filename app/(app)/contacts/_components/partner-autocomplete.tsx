"use client";

// Partner Autocomplete in the contact form: a company lookup (name, VAT number
// or website) whose suggestions are free; picking one costs 1 credit and fills
// the form's EMPTY fields only. On an unsaved contact the pick is charged at
// once, tied to this form's id (sent with the form as partnerAutocompleteKey),
// and its other data (registration number, industry, VAT) is saved with the
// contact when it is created.
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ActionFeedback } from "@/components/action-feedback";
import { FieldLabel } from "@/components/form";
import type { ActionState } from "@/lib/actions/state";
import { countryName } from "@/lib/contacts/countries";
import type { EnrichFill, Suggestion, SuggestResult } from "@/lib/enrichment/schemas";
import { enrichContactAction } from "../actions";

type FormFields = Record<"name" | "country" | "zip" | "city" | "street", string>;

const DEBOUNCE_MS = 200;

/** Merges a pick into the form without touching a field that has text in it (typed meanwhile included). */
export function fillEmpty<T extends FormFields>(current: T, fill: Partial<FormFields>): T {
  const next = { ...current };
  for (const [key, value] of Object.entries(fill) as [keyof FormFields, string][]) {
    if (value && !current[key].trim()) next[key] = value;
  }
  return next;
}

export function PartnerAutocomplete({ contactId, values, onFill }: { contactId?: number; values: FormFields; onFill: (fill: Partial<FormFields>) => void }) {
  const t = useTranslations("contacts.autocomplete");
  const noteWords = useTranslations("contacts.autocompleteNotes");
  const locale = useLocale();
  const id = useId();
  const [formKey] = useState(() => crypto.randomUUID());
  const [query, setQuery] = useState("");
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [notes, setNotes] = useState<string[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [searching, setSearching] = useState(false);
  const [result, setResult] = useState<ActionState<EnrichFill> | null>(null);
  const [picking, startPick] = useTransition();
  const latest = useRef(0);

  useEffect(() => {
    const text = query.trim();
    if (text.length < 3) {
      setSuggestions([]);
      setNotes([]);
      return;
    }
    const controller = new AbortController();
    const ticket = ++latest.current;
    const timer = setTimeout(async () => {
      setSearching(true);
      try {
        const response = await fetch(`/api/partner-autocomplete?q=${encodeURIComponent(text)}`, { signal: controller.signal });
        const body = (await response.json()) as Partial<SuggestResult> & { error?: string };
        if (ticket !== latest.current) return;
        setSuggestions(body.suggestions ?? []);
        setNotes(body.error ? [body.error] : (body.notes ?? []).map((note) => noteWords(note.code, note.values)));
        setActive(-1);
        setOpen(true);
      } catch {
        // aborted by the next keystroke
      } finally {
        if (ticket === latest.current) setSearching(false);
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, noteWords]);

  function pick(suggestion: Suggestion) {
    setOpen(false);
    startPick(async () => {
      const response = await enrichContactAction({
        directoryCompanyId: suggestion.id,
        contactId: contactId ?? null,
        formKey: contactId ? null : formKey,
        current: values,
        vat: suggestion.vat,
      });
      setResult(response);
      if (response.ok && response.data) onFill(response.data.fill);
    });
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" && suggestions.length) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % suggestions.length);
    } else if (event.key === "ArrowUp" && suggestions.length) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? suggestions.length - 1 : i - 1));
    } else if (event.key === "Enter") {
      // Enter picks; it never submits the contact form from here.
      event.preventDefault();
      if (open && active >= 0) pick(suggestions[active]);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  }

  const listId = `${id}-list`;
  const showList = open && query.trim().length >= 3;

  return (
    <div className="rounded-md border border-brand-100 bg-brand-50/40 p-3">
      <input type="hidden" name="partnerAutocompleteKey" value={contactId ? "" : formKey} />
      <FieldLabel htmlFor={id}>{t("label")}</FieldLabel>
      <div className="relative mt-1 max-w-xl">
        <input
          id={id}
          type="text"
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList && active >= 0 ? `${id}-option-${active}` : undefined}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
          onFocus={() => suggestions.length && setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          placeholder={t("placeholder")}
          className="block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm shadow-xs focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
        />
        {searching && <span className="absolute top-2.5 right-3 text-xs text-gray-600">{t("searching")}</span>}
        {showList && (
          <div className="absolute z-20 mt-1 w-full rounded-md border border-gray-200 bg-white text-sm shadow-lg">
            <ul id={listId} role="listbox" aria-label={t("suggestions")} className="max-h-80 overflow-auto py-1">
              {suggestions.length === 0 && <li className="px-3 py-2 text-gray-600">{t("noCompany")}</li>}
              {suggestions.map((s, index) => (
                <li
                  key={s.id}
                  id={`${id}-option-${index}`}
                  role="option"
                  aria-selected={index === active}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => pick(s)}
                  className={`cursor-pointer px-3 py-2 ${index === active ? "bg-brand-50" : "hover:bg-gray-50"}`}
                >
                  <span className="block font-medium text-gray-900">{s.name}</span>
                  <span className="block text-xs text-gray-600">
                    {[countryName(s.country, locale), [s.postalCode, s.city].filter(Boolean).join(" "), s.registrationNumber && t("registration", { number: s.registrationNumber }), s.industry, s.vat && t("vat", { number: s.vat })]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                </li>
              ))}
            </ul>
            {notes.length > 0 && (
              <div className="space-y-1 border-t border-gray-100 px-3 py-2 text-xs text-amber-800">
                {notes.map((note) => (
                  <p key={note}>{note}</p>
                ))}
              </div>
            )}
          </div>
        )}
      </div>
      <p id={`${id}-hint`} className="mt-1 text-xs text-gray-600">
        {t("hint")}
      </p>
      {!showList &&
        notes.map((note) => (
          <p key={note} className="mt-1 text-xs text-amber-800">
            {note}
          </p>
        ))}
      <div aria-live="polite" className="mt-2 empty:hidden">
        {picking && <p className="text-sm text-gray-600">{t("filling")}</p>}
        {!picking && result && (
          <>
            <ActionFeedback state={result} fieldsShown={false} />
            {result.ok && !contactId && <p className="text-sm text-green-800">{t("savedWith")}</p>}
          </>
        )}
      </div>
    </div>
  );
}
