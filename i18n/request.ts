// next-intl's configuration for each request (pages, layouts, server
// actions): no locale in the URL. A signed-in user reads the app in their
// profile's language and time zone (defaults: the company's); a signed-out
// visitor in the language they chose with the switcher (a cookie), else their
// browser's Accept-Language, else English.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { loadMessages } from "@/lib/i18n/catalogue";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "@/lib/i18n/locales";

async function visitorLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
}

export default getRequestConfig(async ({ locale: requested }) => {
  const user = await currentUser();
  const locale = isLocale(requested) ? requested : (user?.locale ?? (await visitorLocale()));
  return {
    locale,
    messages: loadMessages(locale),
    timeZone: user?.timeZone ?? "UTC",
  };
});
