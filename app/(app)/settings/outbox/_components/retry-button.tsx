"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { retryEmailAction } from "../actions";

export function RetryButton({ id, subject, compact = false }: { id: number; subject: string; compact?: boolean }) {
  const [state, action, pending] = useActionState(retryEmailAction, null);
  return (
    <form action={action} className={compact ? "flex flex-col items-start gap-1" : "flex flex-wrap items-center gap-3"}>
      <input type="hidden" name="id" value={id} />
      <Button
        type="submit"
        variant="secondary"
        pending={pending}
        pendingLabel="Sending…"
        className={compact ? "whitespace-nowrap px-2.5! py-1! text-xs!" : ""}
        aria-label={compact ? `Retry now: ${subject}` : undefined}
      >
        Retry now
      </Button>
      {state && (
        <p role="status" className={`text-sm ${state.ok ? "text-green-700" : "text-red-700"}`}>
          {state.message}
        </p>
      )}
    </form>
  );
}
