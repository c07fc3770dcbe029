// The languages the app speaks, as codes. The words themselves live in
// messages/<locale>/*.json (outside lib/); lib/ only names a locale.
import { succeeds } from "@/lib/errors";

export const LOCALES = ["en", "fr", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The cookie a signed-out visitor's choice of language is kept in (next-intl's own name for it). */
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best of our locales for an Accept-Language header ("fr-CH, fr;q=0.9,
 * en;q=0.8"): by quality, then order; a language matches its regional
 * variants ("fr-CA" → fr); any Chinese written in simplified script (zh,
 * zh-CN, zh-SG, zh-Hans-*) → zh-CN, while zh-TW/zh-HK/zh-Hant are not offered
 * simplified text. Null when nothing matches.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const ranges = acceptLanguage
    .split(",")
    .slice(0, 32)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((range) => range.tag && range.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranges) {
    const match = localeForTag(tag);
    if (match) return match;
  }
  return null;
}

function localeForTag(tag: string): Locale | null {
  const [language, ...rest] = tag.split("-");
  if (language === "en") return "en";
  if (language === "fr") return "fr";
  if (language === "zh") {
    if (rest.includes("hant") || rest.includes("tw") || rest.includes("hk") || rest.includes("mo")) return null;
    return "zh-CN";
  }
  return null;
}

/** A stored or requested locale, else the default: never throws on a bad value. */
export function localeOr(value: unknown, fallback: Locale = DEFAULT_LOCALE): Locale {
  return isLocale(value) ? value : fallback;
}

/** Whether `timeZone` is an IANA zone this runtime knows ("Europe/Paris", "UTC"). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0 || value.length > 64) return false;
  return succeeds(() => new Intl.DateTimeFormat("en", { timeZone: value }));
}

/**
 * A visitor's language, when they have shown one: the switcher's cookie
 * (NEXT_LOCALE, from a Cookie header or its value), else their browser's
 * Accept-Language; null when neither names one of ours. What a first sign-in,
 * an accepted invitation and a new company record.
 */
export function preferredLocale({ cookie, acceptLanguage }: { cookie?: string | null; acceptLanguage?: string | null }): Locale | null {
  const chosen = cookie?.includes("=") ? cookie.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`))?.[1] : cookie;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale(acceptLanguage);
}

/** Every IANA zone this runtime knows, UTC first (V8 leaves it out of Intl.supportedValuesOf). */
export function timeZoneList(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
}
