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

export function ResendButton({ letterId }: { letterId: number }) {
  const [state, action, pending] = useActionState(resendLetterAction, initial);
  return (
    <form action={action} className="inline-flex flex-col items-start gap-1">
      <input type="hidden" name="letterId" value={letterId} />
      <Button variant="link" type="submit" pending={pending} pendingLabel="Re-sending…" className="text-sm">
        Re-send<span className="sr-only"> letter #{letterId}</span>
      </Button>
      <Message state={state} />
    </form>
  );
}

export function CancelButton({ letterId }: { letterId: number }) {
  const [state, action, pending] = useActionState(cancelLetterAction, initial);
  return (
    <form action={action} className="inline-flex flex-col items-start gap-1">
      <input type="hidden" name="letterId" value={letterId} />
      <Button variant="link" type="submit" pending={pending} pendingLabel="Canceling…" className="text-sm text-red-700">
        Cancel<span className="sr-only"> letter #{letterId}</span>
      </Button>
      <Message state={state} />
    </form>
  );
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
