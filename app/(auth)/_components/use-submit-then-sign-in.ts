"use client";

import { signIn } from "next-auth/react";
import { useState, useTransition } from "react";
import type { AuthFormState } from "@/lib/auth/schemas";

/**
 * For forms whose action ends with a password the visitor just chose (company
 * set-up, invitation, reset): send the form; once the server answers with the
 * e-mail, sign in with that password in this browser and open the app.
 */
export function useSubmitThenSignIn(action: (formData: FormData) => Promise<AuthFormState & { email?: string }>, signInFailed: string) {
  const [state, setState] = useState<AuthFormState>({ ok: false, message: "" });
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await action(form);
      if (!result.ok || !result.email) {
        setState(result);
        return;
      }
      const signedIn = await signIn("credentials", { email: result.email, password: String(form.get("password")), redirect: false });
      if (signedIn?.ok && !signedIn.error) window.location.assign("/");
      else setState({ ok: false, message: signInFailed });
    });
  }

  return { state, pending, onSubmit };
}
