"use client";

import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { StatusBadge } from "@/components/status-badge";
import { convertLeadAction } from "../actions";

/** "Convert to contact" on one lead; the page re-renders with the contact's link once it is done. */
export function ConvertLeadButton({ leadId, leadName }: { leadId: number; leadName: string }) {
  const form = useActionForm(convertLeadAction);
  return (
    <form action={form.action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="leadId" value={leadId} />
      <StatusBadge tone="info">New</StatusBadge>
      <Button type="submit" variant="link" pending={form.pending} pendingLabel="Converting…" aria-label={`Convert ${leadName} to a contact`}>
        Convert to contact
      </Button>
      {form.failed && <ActionFeedback state={form.state} className="text-xs!" />}
    </form>
  );
}
