"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createContext, useContext, useState, useTransition, type ReactNode } from "react";
import { actionMessage } from "@/components/action-feedback";
import { Button } from "@/components/button";
import type { ActionState } from "@/lib/actions/state";
import { discardJobAction, retryJobAction } from "../actions";

// A Retry or Discard takes the row off the list (at the next refresh); what
// happened is said above the list, where it stays.
interface Said {
  ok: boolean;
  message: string;
}

const Outcome = createContext<(said: Said) => void>(() => {});

export function FailedJobsArea({ children }: { children: ReactNode }) {
  const [last, setLast] = useState<Said | null>(null);
  return (
    <Outcome.Provider value={setLast}>
      {last && (
        <p role="status" className={`rounded-md border px-3 py-2 text-sm ${last.ok ? "border-green-200 bg-green-50 text-green-900" : "border-red-200 bg-red-50 text-red-800"}`}>
          {last.message}
        </p>
      )}
      {children}
    </Outcome.Provider>
  );
}

type Action = (input: unknown) => Promise<ActionState>;

function ActionButton({ id, label, name, pendingLabel, action }: { id: string; label: string; name: string; pendingLabel: string; action: Action }) {
  const [pending, startTransition] = useTransition();
  const report = useContext(Outcome);
  const router = useRouter();
  const t = useTranslations("jobs.failed");
  // Called directly rather than through a form's state: the page refreshes
  // itself every few seconds, and the answer must survive that.
  const run = () =>
    startTransition(async () => {
      const state = await action({ id });
      report({ ok: state.ok, message: t("outcome", { job: label, message: actionMessage(state) ?? "" }) });
      if (state.ok) router.refresh();
    });
  return (
    <Button type="button" variant="secondary" onClick={run} pending={pending} pendingLabel={pendingLabel} aria-label={t("buttonLabel", { action: name, job: label })} className="whitespace-nowrap px-2.5! py-1! text-xs!">
      {name}
    </Button>
  );
}

export function FailedJobActions({ id, label, retryable }: { id: string; label: string; retryable: boolean }) {
  const t = useTranslations("jobs.failed");
  return (
    <div className="flex flex-wrap items-start gap-2">
      {retryable && <ActionButton id={id} label={label} name={t("retry")} pendingLabel={t("retrying")} action={retryJobAction} />}
      <ActionButton id={id} label={label} name={t("discard")} pendingLabel={t("discarding")} action={discardJobAction} />
    </div>
  );
}
