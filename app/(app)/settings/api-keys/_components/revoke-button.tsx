"use client";

import { actionMessage, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { revokeApiKeyAction } from "../actions";

export function RevokeButton({ id, name }: { id: number; name: string }) {
  const { action, pending, state, failed } = useActionForm(revokeApiKeyAction);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(`Revoke “${name}”? Integrations using it stop working at once.`)) event.preventDefault();
      }}
      className="flex flex-col items-end gap-1"
    >
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" pending={pending} pendingLabel="Revoking…" className="px-2.5! py-1! text-xs!" aria-label={`Revoke ${name}`}>
        Revoke
      </Button>
      {failed && (
        <p role="alert" className="text-xs text-red-700">
          {actionMessage(state)}
        </p>
      )}
    </form>
  );
}
