"use client";

import { signIn } from "next-auth/react";
import { useState, useTransition } from "react";
import { z } from "zod";
import { ACCOUNT_DEACTIVATED, signInSchema } from "@/lib/auth/schemas";
import { throttledRetryAfter } from "@/lib/auth/sign-in-errors";
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
      // A non-next-auth answer (503 while the database is down) makes signIn throw.
      const result = await signIn("credentials", { ...parsed.data, redirect: false }).catch(() => ({ ok: false, status: 503, error: null, url: null }));
      if (result?.ok) {
        window.location.assign(returnTo);
        return;
      }
      const retryAfter = throttledRetryAfter(result?.error);
      if (result?.status === 429 || retryAfter !== null) {
        const minutes = Math.max(1, Math.ceil((retryAfter ?? 60) / 60));
        setFormError(`Too many attempts — try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`);
        return;
      }
      setFormError(
        result?.error === ACCOUNT_DEACTIVATED
          ? "This account is deactivated. Ask an administrator of your company to reactivate it."
          : result?.status === 401 || result?.error === "CredentialsSignin"
            ? "Wrong e-mail or password. Check both and try again."
            : result?.status === 503
              ? "Sign-in is temporarily unavailable (the database is not answering). Try again in a few seconds."
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
