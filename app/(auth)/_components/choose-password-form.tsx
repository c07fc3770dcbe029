"use client";

import { Button } from "@/components/button";
import { FieldError, TextField } from "@/components/form";
import { MIN_PASSWORD_LENGTH, type AuthFormState } from "@/lib/auth/schemas";
import { useSubmitThenSignIn } from "./use-submit-then-sign-in";

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
  const { state, pending, onSubmit } = useSubmitThenSignIn(action, "Your password is set, but signing in failed. Sign in on the sign-in page.");
  const errors = state.fieldErrors ?? {};

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
