"use client";

// A one-click server action on one record (Remove, Re-send, Convert…): a tiny
// form with the record's id in hidden fields, a button that shows it is
// pending, and the answer beside it, read the one way (action-feedback).
import type { ReactNode } from "react";
import type { FormAction } from "@/lib/actions/state";
import { ActionFeedback, useActionForm } from "./action-feedback";
import { Button } from "./button";

export function ActionButton<T>({
  action,
  fields,
  children,
  pendingLabel,
  label,
  variant = "link",
  className = "",
  showSuccess = true,
  confirm,
}: {
  action: FormAction<T>;
  /** Hidden fields identifying the record, e.g. { letterId: 12 }. */
  fields: Record<string, string | number | boolean>;
  children: ReactNode;
  pendingLabel: string;
  /** The button's accessible name when its text alone is ambiguous ("Remove rule Pricing"). */
  label?: string;
  variant?: "primary" | "secondary" | "danger" | "link";
  className?: string;
  /** false when the page itself shows the outcome (the row changes). */
  showSuccess?: boolean;
  /** Asked first (window.confirm) for what cannot be undone, e.g. "Delete invoice.pdf?". */
  confirm?: string;
}) {
  const form = useActionForm(action);
  return (
    <form
      action={form.action}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
      className="inline-flex flex-col items-start gap-1"
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={String(value)} />
      ))}
      <Button type="submit" variant={variant} pending={form.pending} pendingLabel={pendingLabel} aria-label={label} className={`text-sm ${className}`}>
        {children}
      </Button>
      {/* No field of its own to highlight: a refused hidden field (a stale or crafted form) says what it is. */}
      {(showSuccess || form.failed) && <ActionFeedback state={form.state} fieldsShown={false} className="text-xs!" />}
    </form>
  );
}
