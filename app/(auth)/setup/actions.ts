"use server";

import { ok } from "@/lib/actions/action";
import { createCompanyWithAdmin } from "@/lib/auth/companies";
import { setupSchema } from "@/lib/auth/schemas";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { signedOutAction } from "../_components/signed-out-action";
import { visitorLocale } from "@/lib/i18n/visitor";

// "Set up your company" / "Create a company": no session yet (PUBLIC). Who may
// create a company (the first one, or anyone with SIGNUP=open) is decided by
// createCompanyWithAdmin, under a lock, so two set-ups racing for the first
// company cannot both succeed. The company speaks its founder's browser's
// language. The answer names the new administrator, so the browser can sign
// in with the password it just sent.
export const setupCompanyAction = signedOutAction(setupSchema, async (input) => {
  const { email } = await createCompanyWithAdmin(input, (await visitorLocale()) ?? DEFAULT_LOCALE);
  return ok(undefined, { email });
});
