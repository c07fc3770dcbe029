"use client";

import { useTranslations } from "next-intl";
import { ActionFeedback } from "@/components/action-feedback";
import { Button } from "@/components/button";
import type { FormAction } from "@/lib/actions/state";
import { NewPasswordFields } from "@/components/password-fields";
import { useSubmitThenSignIn, type PasswordChosen } from "./use-submit-then-sign-in";

/**
 * A new password typed twice for a secret link (invitation, reset). Once the
 * server has set it, the browser signs in with it and opens the app.
 */
export function ChoosePasswordForm({
  token,
  email,
  action,
}: {
  token: string;
  email: string;
  action: FormAction<PasswordChosen>;
}) {
  const t = useTranslations("auth.choosePassword");
  const form = useSubmitThenSignIn(action, t("signInFailed"));
  return (
    <form action={form.action} noValidate className="mt-6 space-y-4">
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account this password belongs to. */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <NewPasswordFields repeatLabel={t("repeat")} errors={form.errors} />
      {/* A broken link is no field the visitor sees: then its error is the message. */}
      <ActionFeedback state={form.state} fieldsShown={!form.errors("token")} />
      <Button type="submit" pending={form.pending} pendingLabel={t("submitting")} className="w-full">
        {t("submit")}
      </Button>
    </form>
  );
}
