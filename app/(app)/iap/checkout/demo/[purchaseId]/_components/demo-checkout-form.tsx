"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import type { ActionState } from "@/lib/billing/schemas";
import { cancelDemoPurchaseAction, payDemoPurchaseAction } from "../actions";

export function DemoCheckoutForm({ purchaseId, price }: { purchaseId: number; price: string }) {
  const [payState, pay, paying] = useActionState<ActionState, FormData>(payDemoPurchaseAction, { ok: true });
  const [cancelState, cancel, cancelling] = useActionState<ActionState, FormData>(cancelDemoPurchaseAction, { ok: true });
  const error = (!payState.ok && payState.message) || (!cancelState.ok && cancelState.message) || null;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-3">
        <form action={pay}>
          <input type="hidden" name="purchaseId" value={purchaseId} />
          <Button type="submit" pending={paying} pendingLabel="Paying…" disabled={cancelling}>
            Pay {price}
          </Button>
        </form>
        <form action={cancel}>
          <input type="hidden" name="purchaseId" value={purchaseId} />
          <Button type="submit" variant="secondary" pending={cancelling} pendingLabel="Cancelling…" disabled={paying}>
            Cancel
          </Button>
        </form>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
