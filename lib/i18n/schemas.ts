import { z } from "zod";
import { isTimeZone, LOCALES } from "./locales";

/** One of the languages the app has catalogues for (a switcher's button, a profile's select). */
export const localeField = z.enum(LOCALES, { message: "i18n.localeUnknown" });

/** An IANA time zone this runtime knows ("Europe/Paris"). */
export const timeZoneField = z.string().trim().refine(isTimeZone, "i18n.timeZoneUnknown");

/** The signed-out pages' language switcher. */
export const chooseLanguageSchema = z.object({ locale: localeField });
