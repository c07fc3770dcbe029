"use client";

// A settings form whose fields are controlled and submitted from onSubmit
// rather than <form action>: React resets a form after an action (even a
// controlled checkbox's DOM state), and what was typed must stay in place next
// to its error. `dirty` is true from the first edit until the next submit, so
// the previous answer ("Saved.") is hidden while it no longer describes the form.
import { startTransition, useState, type FormEvent } from "react";
import type { FormAction } from "@/lib/actions/state";
import { useActionForm } from "./action-feedback";
import { useUnsavedChanges } from "./unsaved-changes";

export function useKeptValuesForm<V extends object, T>(
  action: FormAction<T>,
  initial: V,
  /** Ask before the page is left with edits not saved. */
  { askBeforeLeaving = false }: { askBeforeLeaving?: boolean } = {},
) {
  const form = useActionForm(action);
  const [values, setValues] = useState(initial);
  const [dirty, setDirty] = useState(false);
  useUnsavedChanges(askBeforeLeaving && dirty);
  const change = (patch: Partial<V>) => {
    setValues((current) => ({ ...current, ...patch }));
    setDirty(true);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setDirty(false);
    startTransition(() => form.action(data));
  };
  return { ...form, values, change, dirty, onSubmit };
}
