// The Settings search: plain data and a pure function, so the rule is unit-tested
// and the client component only renders what it returns.

export interface SettingEntry {
  id: string;
  title: string;
  description: string;
  /** Other words people type to find it ("credits", "in-app"…). */
  keywords: readonly string[];
}

export interface SettingSection<T extends SettingEntry = SettingEntry> {
  id: string;
  title: string;
  settings: readonly T[];
}

function normalize(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * Settings matching every word of the query in their title, description,
 * keywords or section title; sections left empty are dropped.
 */
export function filterSettings<T extends SettingEntry>(sections: readonly SettingSection<T>[], query: string): SettingSection<T>[] {
  const words = normalize(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...sections];
  return sections
    .map((section) => ({
      ...section,
      settings: section.settings.filter((setting) => {
        const haystack = normalize([section.title, setting.title, setting.description, ...setting.keywords].join(" "));
        return words.every((word) => haystack.includes(word));
      }),
    }))
    .filter((section) => section.settings.length > 0);
}
