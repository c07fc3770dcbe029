"use client";

import { ActionButton } from "@/components/action-button";
import { StatusBadge } from "@/components/status-badge";
import { convertLeadAction } from "../actions";

/** "Convert to contact" on one lead; the page re-renders with the contact's link once it is done. */
export function ConvertLeadButton({ leadId, leadName }: { leadId: number; leadName: string }) {
  return (
    <span className="flex flex-wrap items-center gap-2">
      <StatusBadge tone="info">New</StatusBadge>
      <ActionButton action={convertLeadAction} fields={{ leadId }} pendingLabel="Converting…" label={`Convert ${leadName} to a contact`} showSuccess={false}>
        Convert to contact
      </ActionButton>
    </span>
  );
}
