"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type ReactNode } from "react";
import { filterSettings, type SettingEntry, type SettingSection } from "./settings-filter";
import { FieldLabel } from "@/components/form";

export type SettingItem = SettingEntry & { body: ReactNode };

export function SettingsBoard({ sections }: { sections: SettingSection<SettingItem>[] }) {
  const t = useTranslations("iap.settingsPage");
  const [query, setQuery] = useState("");
  const searchId = useId();
  const visible = filterSettings(sections, query);
  return (
    <div className="mx-auto max-w-5xl px-4 py-6 sm:px-6">
      <div role="search" className="mb-6">
        <FieldLabel htmlFor={searchId} hidden>{t("search")}</FieldLabel>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t("searchPlaceholder")}
          autoComplete="off"
          className="block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm shadow-xs focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 sm:max-w-md"
        />
      </div>
      {visible.length === 0 ? (
        <p role="status" className="rounded-lg border border-dashed border-gray-300 bg-white px-6 py-10 text-center text-gray-600">
          {t("noMatch", { query: query.trim() })}
        </p>
      ) : (
        <div className="space-y-6">
          {visible.map((section) => (
            <section key={section.id} aria-labelledby={`section-${section.id}`} className="rounded-lg border border-gray-200 bg-white">
              <h2 id={`section-${section.id}`} className="border-b border-gray-200 bg-gray-50 px-4 py-2.5 text-base font-semibold text-gray-900 sm:px-6">
                {section.title}
              </h2>
              <ul className="grid gap-x-8 gap-y-6 px-4 py-5 sm:px-6 md:grid-cols-2">
                {section.settings.map((setting) => (
                  <li key={setting.id} aria-labelledby={`setting-${setting.id}`} className="border-l-2 border-gray-200 pl-4">
                    <h3 id={`setting-${setting.id}`} className="font-medium text-gray-900">
                      {setting.title}
                    </h3>
                    <p className="mt-0.5 text-sm text-gray-600">{setting.description}</p>
                    <div className="mt-2 text-sm">{setting.body}</div>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
