"use client";

import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import type { FormAction } from "@/lib/actions/state";
import { cancelLetterAction, processQueueAction, resendLetterAction } from "../actions";

/** One form per letter and action, so a click acts on that letter only. */
function LetterActionButton({
  letterId,
  action: serverAction,
  label,
  pendingLabel,
  className = "",
}: {
  letterId: number;
  action: FormAction;
  label: string;
  pendingLabel: string;
  className?: string;
}) {
  const form = useActionForm(serverAction);
  return (
    <form action={form.action} className="inline-flex flex-col items-start gap-1">
      <input type="hidden" name="letterId" value={letterId} />
      <Button variant="link" type="submit" pending={form.pending} pendingLabel={pendingLabel} className={`text-sm ${className}`}>
        {label}
        <span className="sr-only"> letter #{letterId}</span>
      </Button>
      <ActionFeedback state={form.state} className="text-xs!" />
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
