"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/button";
import { TextField } from "@/components/form";
import { MIN_PASSWORD_LENGTH, type AuthFormState } from "@/lib/auth/schemas";
import { changePasswordAction, updateProfileAction } from "../actions";

const INITIAL: AuthFormState = { ok: false, message: "" };

function Outcome({ state, pending }: { state: AuthFormState; pending: boolean }) {
  if (!state.message || pending) return null;
  return (
    <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-green-800" : "text-red-700"}`}>
      {state.message}
    </p>
  );
}

export function DetailsForm({ name }: { name: string }) {
  const [value, setValue] = useState(name);
  const [state, action, pending] = useActionState(updateProfileAction, INITIAL);
  return (
    <form action={action} noValidate className="space-y-4">
      <TextField label="Name" name="name" value={value} onChange={(event) => setValue(event.target.value)} autoComplete="name" errors={state.fieldErrors?.name} className="max-w-md" />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={pending} pendingLabel="Saving…">
          Save
        </Button>
        <Outcome state={state} pending={pending} />
      </div>
    </form>
  );
}

export function PasswordForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState(changePasswordAction, INITIAL);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="max-w-md space-y-4">
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <TextField label="Current password" name="current" type="password" autoComplete="current-password" errors={errors.current} />
      <TextField label="New password" name="password" type="password" autoComplete="new-password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`} errors={errors.password} />
      <TextField label="Repeat the new password" name="confirm" type="password" autoComplete="new-password" errors={errors.confirm} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={pending} pendingLabel="Changing…">
          Change password
        </Button>
        <Outcome state={state} pending={pending} />
      </div>
    </form>
  );
}
