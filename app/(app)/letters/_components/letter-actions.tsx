"use client";

import { ActionButton } from "@/components/action-button";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { cancelLetterAction, processQueueAction, resendLetterAction } from "../actions";

// One form per letter and action, so a click acts on that letter only.

export function ResendButton({ letterId }: { letterId: number }) {
  return (
    <ActionButton action={resendLetterAction} fields={{ letterId }} pendingLabel="Re-sending…">
      Re-send<span className="sr-only"> letter #{letterId}</span>
    </ActionButton>
  );
}

export function CancelButton({ letterId }: { letterId: number }) {
  return (
    <ActionButton action={cancelLetterAction} fields={{ letterId }} pendingLabel="Canceling…" className="text-red-700">
      Cancel<span className="sr-only"> letter #{letterId}</span>
    </ActionButton>
  );
}

export function ProcessQueueButton() {
  const form = useActionForm(processQueueAction);
  return (
    <form action={form.action} className="flex items-center gap-3">
      <ActionFeedback state={form.state} />
      <Button variant="secondary" type="submit" pending={form.pending} pendingLabel="Processing…">
        Process queue now
      </Button>
    </form>
  );
}
