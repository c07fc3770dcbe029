"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { Button } from "@/components/button";
import { discardJobAction, retryJobAction, type JobActionState } from "../actions";

function ActionForm({ id, label, action, variant, pendingLabel, name }: { id: string; label: string; name: string; pendingLabel: string; variant: "secondary" | "danger"; action: (previous: JobActionState | null, formData: FormData) => Promise<JobActionState> }) {
  const [state, formAction, pending] = useActionState(action, null);
  const router = useRouter();
  // Leave the answer on screen a moment, then show the list as it is now (the row leaves it).
  useEffect(() => {
    if (!state?.ok) return;
    const timer = setTimeout(() => router.refresh(), 1500);
    return () => clearTimeout(timer);
  }, [state, router]);
  return (
    <form action={formAction} className="flex flex-col items-start gap-1">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant={variant} pending={pending} pendingLabel={pendingLabel} aria-label={`${name}: ${label}`} className="whitespace-nowrap px-2.5! py-1! text-xs!">
        {name}
      </Button>
      {state && (
        <p role="status" className={`text-xs ${state.ok ? "text-green-700" : "text-red-700"}`}>
          {state.message}
        </p>
      )}
    </form>
  );
}

export function FailedJobActions({ id, label, retryable }: { id: string; label: string; retryable: boolean }) {
  return (
    <div className="flex flex-wrap items-start gap-2">
      {retryable && <ActionForm id={id} label={label} name="Retry" pendingLabel="Queuing…" variant="secondary" action={retryJobAction} />}
      <ActionForm id={id} label={label} name="Discard" pendingLabel="Discarding…" variant="secondary" action={discardJobAction} />
    </div>
  );
}
