"use client";

import { useTranslations } from "next-intl";
import { actionMessage, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { cancelDemoPurchaseAction, payDemoPurchaseAction } from "../actions";

export function DemoCheckoutForm({ purchaseId, price }: { purchaseId: number; price: string }) {
  const t = useTranslations("buy.demo");
  const pay = useActionForm(payDemoPurchaseAction);
  const cancel = useActionForm(cancelDemoPurchaseAction);
  // Both succeed by leaving the page: any answer here is a refusal.
  const error = actionMessage(pay.state) ?? actionMessage(cancel.state);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-3">
        <form action={pay.action}>
          <input type="hidden" name="purchaseId" value={purchaseId} />
          <Button type="submit" pending={pay.pending} pendingLabel={t("paying")} disabled={cancel.pending}>
            {t("pay", { price })}
          </Button>
        </form>
        <form action={cancel.action}>
          <input type="hidden" name="purchaseId" value={purchaseId} />
          <Button type="submit" variant="secondary" pending={cancel.pending} pendingLabel={t("cancelling")} disabled={pay.pending}>
            {t("cancel")}
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
