import { useTranslations } from "next-intl";
import { LOCALES } from "@/lib/i18n/locales";

/** The languages as <option>s of a select, each named in its own language (someone who cannot read the current one still finds theirs). */
export function LanguageOptions() {
  const languages = useTranslations("common.language");
  return LOCALES.map((code) => (
    <option key={code} value={code} lang={code}>
      {languages(code)}
    </option>
  ));
}

/** IANA time zones as <option>s, by their names ("Europe/Paris"), which read the same in every language. */
export function TimeZoneOptions({ zones }: { zones: string[] }) {
  return zones.map((zone) => (
    <option key={zone} value={zone}>
      {zone}
    </option>
  ));
}
