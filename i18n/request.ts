// next-intl's configuration for each request (pages, layouts, server
// actions): no locale in the URL. A signed-in user reads the app in their
// profile's language and time zone (defaults: the company's); a signed-out
// visitor in the language they chose with the switcher (a cookie), else their
// browser's Accept-Language, else English.
import { getRequestConfig } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { loadMessages } from "@/lib/i18n/catalogue";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { visitorLocale } from "@/lib/i18n/visitor";

export default getRequestConfig(async ({ locale: requested }) => {
  const user = await currentUser();
  const locale = isLocale(requested) ? requested : (user?.locale ?? (await visitorLocale()) ?? DEFAULT_LOCALE);
  return {
    locale,
    messages: loadMessages(locale),
    timeZone: user?.timeZone ?? "UTC",
  };
});
