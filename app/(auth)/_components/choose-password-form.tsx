"use client";

import { signIn } from "next-auth/react";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { FieldError, TextField } from "@/components/form";
import { MIN_PASSWORD_LENGTH, type AuthFormState } from "@/lib/auth/schemas";

export type ChoosePasswordState = AuthFormState & { email?: string };

/**
 * A new password typed twice for a secret link (invitation, reset). Once the
 * server has set it, the browser signs in with it and opens the app.
 */
export function ChoosePasswordForm({
  token,
  email,
  submitLabel,
  action,
}: {
  token: string;
  email: string;
  submitLabel: string;
  action: (formData: FormData) => Promise<ChoosePasswordState>;
}) {
  const [state, setState] = useState<ChoosePasswordState>({ ok: false, message: "" });
  const [pending, startTransition] = useTransition();
  const errors = state.fieldErrors ?? {};

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
      else setState({ ok: false, message: "Your password is set, but signing in failed. Sign in on the sign-in page." });
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account this password belongs to. */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        errors={errors.password}
      />
      <TextField label="Repeat the password" name="confirm" type="password" autoComplete="new-password" errors={errors.confirm} />
      {state.message && <FieldError role="alert">{state.message}</FieldError>}
      <Button type="submit" pending={pending} pendingLabel="Saving…" className="w-full">
        {submitLabel}
      </Button>
    </form>
  );
}
