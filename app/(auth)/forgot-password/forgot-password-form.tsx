"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/button";
import { TextField } from "@/components/form";
import type { AuthFormState } from "@/lib/auth/schemas";
import { forgotPasswordAction } from "./actions";

// The same answer whether or not the address has an account.
const ANSWER = "If an account uses this address, a link to choose a new password is on its way. It works once, for one hour. Check your spam folder if it does not arrive.";

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState<AuthFormState, FormData>(forgotPasswordAction, { ok: false, message: "" });
  // Controlled: React resets a form after its action, and a refused address must stay to be corrected.
  const [email, setEmail] = useState("");
  if (state.ok) {
    return (
      <p role="status" className="mt-6 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
        {ANSWER}
      </p>
    );
  }
  return (
    <form action={action} noValidate className="mt-6 space-y-4">
      <TextField
        label="E-mail"
        name="email"
        type="email"
        autoComplete="username"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        errors={state.fieldErrors?.email}
      />
      <Button type="submit" pending={pending} pendingLabel="Sending…" className="w-full">
        Send the link
      </Button>
    </form>
  );
}
