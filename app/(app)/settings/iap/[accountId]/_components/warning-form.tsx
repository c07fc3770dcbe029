"use client";

import { startTransition, useId, useState } from "react";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { TextField } from "@/components/form";
import { saveWarningSettingsAction } from "../actions";

export interface WarningFormValues {
  warnEnabled: boolean;
  threshold: string;
  email: string;
}

export function WarningForm({
  accountId,
  initial,
  unitName,
  decimals,
}: {
  accountId: number;
  initial: WarningFormValues;
  unitName: string;
  decimals: number;
}) {
  const form = useActionForm(saveWarningSettingsAction);
  // Controlled fields, submitted from onSubmit rather than <form action>: React
  // resets a form after an action (even a controlled checkbox's DOM state), and
  // what was typed must stay in place next to its error.
  const [values, setValues] = useState(initial);
  const [dirty, setDirty] = useState(false);
  const checkboxId = useId();
  const change = (patch: Partial<WarningFormValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    setDirty(true);
  };

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        setDirty(false);
        startTransition(() => form.action(data));
      }}
    >
      <input type="hidden" name="accountId" value={accountId} />
      <div className="flex items-start gap-3">
        <input
          id={checkboxId}
          type="checkbox"
          name="warnEnabled"
          checked={values.warnEnabled}
          onChange={(event) => change({ warnEnabled: event.target.checked })}
          className="mt-0.5 size-4 rounded border-gray-300 accent-brand-600"
        />
        <div>
          <label htmlFor={checkboxId} className="text-sm font-medium text-gray-900">
            Warn Me
          </label>
          <p className="text-sm text-gray-600">Receive an e-mail when the balance falls below a threshold.</p>
        </div>
      </div>

      {values.warnEnabled && (
        <div className="grid gap-4 pl-7 sm:grid-cols-2">
          <TextField
            label="Threshold"
            name="threshold"
            inputMode={decimals > 0 ? "decimal" : "numeric"}
            autoComplete="off"
            value={values.threshold}
            onChange={(event) => change({ threshold: event.target.value })}
            errors={form.errors("threshold")}
            hint={`In ${unitName}, 0 or more${decimals > 0 ? `, up to ${decimals} decimal places` : ", whole numbers"}.`}
          />
          <TextField
            label="Warning Email"
            name="email"
            type="email"
            autoComplete="email"
            value={values.email}
            onChange={(event) => change({ email: event.target.value })}
            errors={form.errors("email")}
          />
        </div>
      )}

      <div className="flex items-center gap-3">
        <Button type="submit" pending={form.pending} pendingLabel="Saving…">
          Save
        </Button>
        {!form.pending && !dirty && <ActionFeedback state={form.state} />}
      </div>
    </form>
  );
}
