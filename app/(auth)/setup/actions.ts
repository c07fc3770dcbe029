"use server";

import { formAction, ok } from "@/lib/actions/action";
import { createCompanyWithAdmin } from "@/lib/auth/companies";
import { setupSchema } from "@/lib/auth/schemas";
import { refusingAccountErrors } from "@/components/account-errors";

// "Set up your company" / "Create a company": no session yet (PUBLIC). Who may
// create a company (the first one, or anyone with SIGNUP=open) is decided by
// createCompanyWithAdmin, under a lock, so two set-ups racing for the first
// company cannot both succeed. The answer names the new administrator, so the
// browser can sign in with the password it just sent.
export const setupCompanyAction = formAction({
  role: "PUBLIC",
  input: setupSchema,
  run: ({ input }) =>
    refusingAccountErrors(async () => {
      const { email } = await createCompanyWithAdmin(input);
      return ok(undefined, { email });
    }),
});
