"use client";

import { signIn } from "next-auth/react";
import { useState, useTransition } from "react";
import { z } from "zod";
import { ACCOUNT_DEACTIVATED, signInSchema } from "@/lib/auth/schemas";
import { FieldError, TextField } from "@/components/form";
import { Button } from "@/components/button";

type FieldErrors = Partial<Record<"email" | "password", string[]>>;

export function SignInForm({ returnTo }: { returnTo: string }) {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    setFormError(null);
    if (!parsed.success) {
      setFieldErrors(z.flattenError(parsed.error).fieldErrors);
      return;
    }
    setFieldErrors({});
    startTransition(async () => {
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (result?.ok && !result.error) {
        window.location.assign(returnTo);
        return;
      }
      setFormError(
        result?.error === ACCOUNT_DEACTIVATED
          ? "This account is deactivated. Ask an administrator of your company to reactivate it."
          : result?.status === 401 || result?.error === "CredentialsSignin"
            ? "Wrong e-mail or password. Check both and try again."
            : "Sign-in is unavailable right now. Try again in a moment.",
      );
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      <TextField label="E-mail" name="email" type="email" autoComplete="username" errors={fieldErrors.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" errors={fieldErrors.password} />
      {formError && <FieldError role="alert">{formError}</FieldError>}
      <Button type="submit" pending={pending} pendingLabel="Signing in…" className="w-full">
        Sign in
      </Button>
    </form>
  );
}
