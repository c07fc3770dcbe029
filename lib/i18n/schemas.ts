import { z } from "zod";
import { isTimeZone, LOCALES } from "./locales";

/** One of the languages the app has catalogues for (a switcher's button, a profile's select). */
export const localeField = z.enum(LOCALES, { message: "Choose one of the languages offered." });

/** An IANA time zone this runtime knows ("Europe/Paris"). */
export const timeZoneField = z.string().trim().refine(isTimeZone, "Choose a time zone from the list.");

/** The signed-out pages' language switcher. */
export const chooseLanguageSchema = z.object({ locale: localeField });
