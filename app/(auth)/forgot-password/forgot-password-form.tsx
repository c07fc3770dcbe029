"use client";

import { useTranslations } from "next-intl";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { TextField } from "@/components/form";
import { forgotPasswordAction } from "./actions";

// Once sent, the form gives way to the answer: the same whether or not the address has an account.
export function ForgotPasswordForm() {
  const t = useTranslations("auth.forgot");
  const form = useActionForm(forgotPasswordAction);
  if (form.ok) return <ActionFeedback state={form.state} variant="banner" className="mt-6" />;
  return (
    <form action={form.action} noValidate className="mt-6 space-y-4">
      <TextField label={t("email")} name="email" type="email" autoComplete="username" defaultValue={form.value("email")} errors={form.errors("email")} />
      <Button type="submit" pending={form.pending} pendingLabel={t("submitting")} className="w-full">
        {t("submit")}
      </Button>
    </form>
  );
}
