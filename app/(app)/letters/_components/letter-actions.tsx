"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { cancelLetterAction, processQueueAction, resendLetterAction, type LetterActionState } from "../actions";

const initial: LetterActionState = { ok: false, message: "" };

function Message({ state }: { state: LetterActionState }) {
  if (!state.message) return null;
  return (
    <span role={state.ok ? "status" : "alert"} className={`text-xs ${state.ok ? "text-green-700" : "text-red-700"}`}>
      {state.message}
    </span>
  );
}

/** One form per letter and action, so a click acts on that letter only. */
function LetterActionButton({
  letterId,
  action: serverAction,
  label,
  pendingLabel,
  className = "",
}: {
  letterId: number;
  action: (previous: LetterActionState, formData: FormData) => Promise<LetterActionState>;
  label: string;
  pendingLabel: string;
  className?: string;
}) {
  const [state, action, pending] = useActionState(serverAction, initial);
  return (
    <form action={action} className="inline-flex flex-col items-start gap-1">
      <input type="hidden" name="letterId" value={letterId} />
      <Button variant="link" type="submit" pending={pending} pendingLabel={pendingLabel} className={`text-sm ${className}`}>
        {label}
        <span className="sr-only"> letter #{letterId}</span>
      </Button>
      <Message state={state} />
    </form>
  );
}

export function ResendButton({ letterId }: { letterId: number }) {
  return <LetterActionButton letterId={letterId} action={resendLetterAction} label="Re-send" pendingLabel="Re-sending…" />;
}

export function CancelButton({ letterId }: { letterId: number }) {
  return <LetterActionButton letterId={letterId} action={cancelLetterAction} label="Cancel" pendingLabel="Canceling…" className="text-red-700" />;
}

export function ProcessQueueButton() {
  const [state, action, pending] = useActionState(processQueueAction, initial);
  return (
    <form action={action} className="flex items-center gap-3">
      <Message state={state} />
      <Button variant="secondary" type="submit" pending={pending} pendingLabel="Processing…">
        Process queue now
      </Button>
    </form>
  );
}
