"use client";

import { useTranslations } from "next-intl";
import { actionMessage, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { revokeApiKeyAction } from "../actions";

export function RevokeButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations("apiKeys.revoke");
  const { action, pending, state, failed } = useActionForm(revokeApiKeyAction);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(t("confirmation", { name }))) event.preventDefault();
      }}
      className="flex flex-col items-end gap-1"
    >
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" pending={pending} pendingLabel={t("revoking")} className="px-2.5! py-1! text-xs!" aria-label={t("buttonLabel", { name })}>
        {t("button")}
      </Button>
      {failed && (
        <p role="alert" className="text-xs text-red-700">
          {actionMessage(state)}
        </p>
      )}
    </form>
  );
}
