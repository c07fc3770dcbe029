"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { InsufficientCreditsNotice } from "@/components/insufficient-credits-notice";
import type { RunState } from "../actions";

export function RunRulesButton({ action }: { action: (state: RunState) => Promise<RunState> }) {
  const [state, formAction, pending] = useActionState(action, { ok: false, message: "" });
  return (
    <form action={formAction} className="space-y-2">
      <Button type="submit" variant="secondary" pending={pending} pendingLabel="Processing visits…">
        Run rules now
      </Button>
      {state.message && (
        <p role="status" className="text-sm text-gray-800">
          {state.message}
        </p>
      )}
      {state.insufficient && <InsufficientCreditsNotice {...state.insufficient} />}
    </form>
  );
}
