"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";

/**
 * A form whose fields are controlled and submitted from onSubmit rather than
 * <form action>: React resets a form after an action, and what was typed must
 * stay in place next to its error. `dirty` hides the last outcome once edited.
 */
export function useKeptForm<V extends object, S>(action: (state: Awaited<S>, data: FormData) => S | Promise<S>, initialState: Awaited<S>, initialValues: V) {
  const [state, formAction, pending] = useActionState<S, FormData>(action, initialState);
  const [values, setValues] = useState(initialValues);
  const [dirty, setDirty] = useState(false);
  const change = (patch: Partial<V>) => {
    setValues((current) => ({ ...current, ...patch }));
    setDirty(true);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setDirty(false);
    startTransition(() => formAction(data));
  };
  return { state, pending, values, change, dirty, onSubmit };
}
