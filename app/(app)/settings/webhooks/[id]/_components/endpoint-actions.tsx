"use client";

import { useTranslations } from "next-intl";
import { actionMessage, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { deleteEndpointAction, resendDeliveryAction, setEndpointEnabledAction } from "../../actions";

export function EndpointActions({ id, enabled }: { id: number; enabled: boolean }) {
  const t = useTranslations("webhooks.endpoint");
  const toggled = useActionForm(setEndpointEnabledAction);
  const deleted = useActionForm(deleteEndpointAction);
  const { action: toggle, pending: toggling } = toggled;
  const { action: remove, pending: deleting } = deleted;
  const failure = [toggled, deleted].find((form) => form.failed)?.state ?? null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={toggle}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="enabled" value={String(!enabled)} />
        <Button type="submit" variant="secondary" pending={toggling} pendingLabel={t(enabled ? "pausing" : "resuming")}>
          {t(enabled ? "pause" : "resume")}
        </Button>
      </form>
      <form
        action={remove}
        onSubmit={(event) => {
          if (!window.confirm(t("deleteConfirmation"))) event.preventDefault();
        }}
      >
        <input type="hidden" name="id" value={id} />
        <Button type="submit" variant="danger" pending={deleting} pendingLabel={t("deleting")}>
          {t("delete")}
        </Button>
      </form>
      {failure && (
        <p role="alert" className="text-sm text-red-700">
          {actionMessage(failure)}
        </p>
      )}
    </div>
  );
}

export function ResendButton({ deliveryId, eventType }: { deliveryId: string; eventType: string }) {
  const t = useTranslations("webhooks.deliveries");
  const { state, action, pending } = useActionForm(resendDeliveryAction);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <Button type="submit" variant="secondary" pending={pending} pendingLabel={t("resending")} className="whitespace-nowrap px-2.5! py-1! text-xs!" aria-label={t("resendLabel", { eventType })}>
        {t("resend")}
      </Button>
      {state && (
        <p role="status" className={`text-xs ${state.ok ? "text-green-700" : "text-red-700"}`}>
          {actionMessage(state)}
        </p>
      )}
    </form>
  );
}
