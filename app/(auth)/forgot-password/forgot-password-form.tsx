"use client";

import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { TextField } from "@/components/form";
import { forgotPasswordAction } from "./actions";

// Once sent, the form gives way to the answer: the same whether or not the address has an account.
export function ForgotPasswordForm() {
  const form = useActionForm(forgotPasswordAction);
  if (form.ok) return <ActionFeedback state={form.state} variant="banner" className="mt-6" />;
  return (
    <form action={form.action} noValidate className="mt-6 space-y-4">
      <TextField label="E-mail" name="email" type="email" autoComplete="username" defaultValue={form.value("email")} errors={form.errors("email")} />
      <Button type="submit" pending={form.pending} pendingLabel="Sending…" className="w-full">
        Send the link
      </Button>
    </form>
  );
}
