"use client";

import { useActionState, useId } from "react";
import { Button } from "@/components/button";
import { FieldError } from "@/components/form";
import type { SigningState } from "@/lib/sign/schemas";
import { refuseAction } from "../actions";

const INITIAL: SigningState = { ok: false, message: "" };

export function RefuseForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(refuseAction.bind(null, token), INITIAL);
  const reasonId = useId();
  return (
    <details className="mt-4 text-sm">
      <summary className="cursor-pointer text-gray-600 hover:text-gray-900">I don&apos;t want to sign</summary>
      <form action={action} className="mt-3 space-y-2">
        <label htmlFor={reasonId} className="block font-medium text-gray-800">
          Reason (optional, sent to the requester)
        </label>
        <textarea id={reasonId} name="reason" maxLength={500} rows={2} className="block w-full rounded-md border border-gray-300 px-3 py-2 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30" />
        <Button type="submit" variant="danger" pending={pending} pendingLabel="Refusing…">
          Refuse to sign
        </Button>
        {!pending && state.message && !state.ok && <FieldError role="alert">{state.message}</FieldError>}
      </form>
    </details>
  );
}
