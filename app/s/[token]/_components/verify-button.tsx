"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import type { SigningState } from "@/lib/sign/schemas";
import { startVerificationAction } from "../actions";

const INITIAL: SigningState = { ok: false, message: "" };

export function VerifyButton({ token }: { token: string }) {
  const [state, action, pending] = useActionState(startVerificationAction.bind(null, token), INITIAL);
  return (
    <form action={action} className="mt-3 space-y-2">
      <Button type="submit" pending={pending} pendingLabel="Opening…">
        Verify my identity
      </Button>
      {!pending && state.message && (
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {state.message}
        </p>
      )}
    </form>
  );
}
