"use client";

import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { TextField } from "@/components/form";
import { NewPasswordFields } from "@/components/password-fields";
import { changePasswordAction, updateProfileAction } from "../actions";

export function DetailsForm({ name }: { name: string }) {
  const form = useActionForm(updateProfileAction);
  return (
    <form action={form.action} noValidate className="space-y-4">
      <TextField label="Name" name="name" defaultValue={form.value("name", name)} autoComplete="name" errors={form.errors("name")} className="max-w-md" />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={form.pending} pendingLabel="Saving…">
          Save
        </Button>
        <ActionFeedback state={form.state} />
      </div>
    </form>
  );
}

// The password fields are named like passwords (the current one too), so a
// refused form never gets them back: the action wrapper drops such fields.
export function PasswordForm({ email }: { email: string }) {
  const form = useActionForm(changePasswordAction);
  return (
    <form action={form.action} noValidate className="max-w-md space-y-4">
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" errors={form.errors("currentPassword")} />
      <NewPasswordFields repeatLabel="Repeat the new password" errors={form.errors} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={form.pending} pendingLabel="Changing…">
          Change password
        </Button>
        <ActionFeedback state={form.state} />
      </div>
    </form>
  );
}
