"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ACCOUNT_DEACTIVATED, signInSchema } from "@/lib/auth/schemas";
import { throttledRetryAfter } from "@/lib/auth/sign-in-errors";
import { FieldError, TextField } from "@/components/form";
import { Button } from "@/components/button";

type FieldErrors = Partial<Record<"email" | "password", string[]>>;

export function SignInForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations("auth.login");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    setFormError(null);
    if (!parsed.success) {
      // Worded here from what failed (the schema's own messages are English): empty, or not an e-mail address.
      const failed = new Set(parsed.error.issues.map((issue) => `${String(issue.path[0])}:${issue.code === "too_small" ? "empty" : "invalid"}`));
      setFieldErrors({
        ...(failed.has("email:empty") ? { email: [t("emailRequired")] } : failed.has("email:invalid") ? { email: [t("emailInvalid")] } : {}),
        ...(failed.has("password:empty") || failed.has("password:invalid") ? { password: [t("passwordRequired")] } : {}),
      });
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
        setFormError(t("throttled", { minutes: Math.max(1, Math.ceil((retryAfter ?? 60) / 60)) }));
        return;
      }
      setFormError(
        result?.error === ACCOUNT_DEACTIVATED
          ? t("accountDeactivated")
          : result?.status === 401 || result?.error === "CredentialsSignin"
            ? t("wrongCredentials")
            : result?.status === 503
              ? t("databaseDown")
              : t("unavailable"),
      );
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      <TextField label={t("email")} name="email" type="email" autoComplete="username" errors={fieldErrors.email} />
      <TextField label={t("password")} name="password" type="password" autoComplete="current-password" errors={fieldErrors.password} />
      {formError && <FieldError role="alert">{formError}</FieldError>}
      <Button type="submit" pending={pending} pendingLabel={t("submitting")} className="w-full">
        {t("submit")}
      </Button>
    </form>
  );
}
