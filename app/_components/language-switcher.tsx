"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionForm } from "@/components/action-feedback";
import { LOCALES } from "@/lib/i18n/locales";
import { chooseLanguageAction } from "../actions";

/**
 * The language of a signed-out page (a visitor has no profile): one button
 * per language, each named in its own language, the current one marked.
 * Put it on any page used before signing in: `<LanguageSwitcher />`.
 */
export function LanguageSwitcher({ className = "" }: { className?: string }) {
  const t = useTranslations("common.language");
  const current = useLocale();
  const form = useActionForm(chooseLanguageAction);
  return (
    <form action={form.action} aria-label={t("label")} className={`flex flex-wrap items-center justify-center gap-1 text-sm ${className}`}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          disabled={form.pending}
          className={`rounded px-2 py-1 ${locale === current ? "font-semibold text-gray-900" : "text-brand-600 hover:underline"} disabled:opacity-60`}
        >
          {t(locale)}
        </button>
      ))}
    </form>
  );
}
