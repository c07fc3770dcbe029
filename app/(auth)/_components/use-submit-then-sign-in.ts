"use client";

import { signIn } from "next-auth/react";
import { useActionForm } from "@/components/action-feedback";
import type { FormAction } from "@/lib/actions/state";

/** What the set-up, invitation and reset actions answer: the account whose password was just chosen. */
export interface PasswordChosen {
  email: string;
}

/**
 * For forms whose action ends with a password the visitor just chose (company
 * set-up, invitation, reset): the form's action, read the one way; once the
 * server answers with the e-mail, this browser signs in with the password
 * typed in the form (it never comes back from the server) and opens the app.
 */
export function useSubmitThenSignIn(action: FormAction<PasswordChosen>, signInFailed: string) {
  return useActionForm<PasswordChosen>(async (previous, formData) => {
    const result = await action(previous, formData);
    if (!result.ok || !result.data) return result;
    const signedIn = await signIn("credentials", { email: result.data.email, password: String(formData.get("password")), redirect: false });
    if (!signedIn?.ok || signedIn.error) return { ok: false, code: "refused", message: signInFailed };
    window.location.assign("/");
    return result;
  });
}
