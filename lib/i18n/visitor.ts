import "server-only";
import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, preferredLocale, type Locale } from "@/lib/i18n/locales";

/** This request's visitor's language: the switcher's choice, else Accept-Language; null when neither is one of ours. */
export async function visitorLocale(): Promise<Locale | null> {
  return preferredLocale({ cookie: (await cookies()).get(LOCALE_COOKIE)?.value, acceptLanguage: (await headers()).get("accept-language") });
}
