"use server";

import { cookies } from "next/headers";
import { formAction, ok } from "@/lib/actions/action";
import { chooseLanguageSchema } from "@/lib/i18n/schemas";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";

const ONE_YEAR = 365 * 24 * 60 * 60;

// The language switcher of the signed-out pages (sign-in, set-up, invitation,
// password reset, a signer's page): anyone may choose (PUBLIC), and the choice
// is only a cookie i18n/request.ts reads before Accept-Language. Setting a
// cookie in an action re-renders the page, now in that language. A signed-in
// user's language is their profile's, which this does not touch.
export const chooseLanguageAction = formAction({
  role: "PUBLIC",
  input: chooseLanguageSchema,
  async run({ input }) {
    (await cookies()).set(LOCALE_COOKIE, input.locale, { path: "/", maxAge: ONE_YEAR, sameSite: "lax" });
    return ok();
  },
});
