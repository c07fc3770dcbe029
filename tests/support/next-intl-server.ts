// next-intl/server for tests that run server actions directly (no Next
// request, so next-intl's own getTranslations has no request to read). The
// request's language and zone come from the app's own i18n/request.ts — the
// signed-in (mocked) user's, theirs else the company's — and English, UTC when
// that needs a request (a signed-out caller's cookie or Accept-Language).
import { createFormatter } from "next-intl";
import { translatorFor } from "@/lib/i18n/catalogue";
import { localeOr, type Locale } from "@/lib/i18n/locales";

type Config = { locale: Locale; timeZone: string };
type ConfigFunction = (params: { locale?: string; requestLocale: Promise<string | undefined> }) => Promise<{ locale?: string; timeZone?: string }>;

export function getRequestConfig(create: ConfigFunction): ConfigFunction {
  return create;
}

async function requestConfig(): Promise<Config> {
  try {
    const { default: create } = (await import("@/i18n/request")) as unknown as { default: ConfigFunction };
    const config = await create({ locale: undefined, requestLocale: Promise.resolve(undefined) });
    return { locale: localeOr(config.locale), timeZone: config.timeZone ?? "UTC" };
  } catch {
    return { locale: "en", timeZone: "UTC" };
  }
}

export async function getTranslations(options?: string | { locale?: string; namespace?: string }) {
  const { namespace, locale } = typeof options === "string" || options === undefined ? { namespace: options, locale: undefined } : options;
  const config = await requestConfig();
  return translatorFor(locale ? localeOr(locale) : config.locale, namespace as string, config.timeZone);
}

export async function getLocale(): Promise<Locale> {
  return (await requestConfig()).locale;
}

export async function getTimeZone(): Promise<string> {
  return (await requestConfig()).timeZone;
}

export async function getFormatter() {
  const { locale, timeZone } = await requestConfig();
  return createFormatter({ locale, timeZone });
}
