// How every form reads its server action's answer (lib/actions): field
// errors, the values it typed (kept after a refusal), the buy prompt, and the
// words for the failures the wrapper reports by code (common.actions in the
// catalogues). Used from client components (the hook needs one).
import { createTranslator, useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState, FieldErrors, FormAction, Prompt } from "@/lib/actions/state";
import englishCommon from "@/messages/en/common.json";
import { BudgetExceededNotice, budgetExceededText } from "./budget-exceeded-notice";
import { InsufficientCreditsNotice } from "./insufficient-credits-notice";

/** Words for the wrapper's failure codes: a translator of the `common.actions` messages. */
export type ActionWords = (key: "signedOut" | "forbidden" | "invalid" | "notEnoughCredits" | "budgetUsedUp" | "unexpected" | "refused", values?: { errorId: string }) => string;

// For callers not yet reading the reader's language (useActionMessage does): today's English.
const ENGLISH: ActionWords = createTranslator({ locale: "en", messages: { common: englishCommon }, namespace: "common.actions" });

/**
 * What to say about an answer, or null when there is nothing to say.
 * `fieldsShown: false` is for forms that show no errors beside their fields:
 * the first field error is then the message. `words`: the reader's language
 * (from useActionMessage), else English.
 */
export function actionMessage(state: ActionState<unknown> | null, { fieldsShown = true, words = ENGLISH }: { fieldsShown?: boolean; words?: ActionWords } = {}): string | null {
  if (!state) return null;
  if (state.ok) return state.message ?? null;
  if (state.message) return state.message;
  switch (state.code) {
    case "signed-out":
      return words("signedOut");
    case "forbidden":
      return words("forbidden");
    case "invalid": {
      const firstFieldError = Object.values(state.fieldErrors ?? {}).flat()[0];
      if (state.formErrors?.[0]) return state.formErrors[0];
      return fieldsShown || !firstFieldError ? words("invalid") : firstFieldError;
    }
    case "buy-credits":
      return words("notEnoughCredits");
    case "budget-exceeded":
      return state.prompt?.kind === "budget-exceeded" ? budgetExceededText(state.prompt) : words("budgetUsedUp");
    case "unexpected":
      return words("unexpected", { errorId: state.errorId ?? "" });
    case "refused":
      return words("refused");
  }
}

/** actionMessage in the reader's language: `const message = useActionMessage(); message(form.state)`. */
export function useActionMessage() {
  const words: ActionWords = useTranslations("common.actions");
  return (state: ActionState<unknown> | null, options: { fieldsShown?: boolean } = {}) => actionMessage(state, { ...options, words });
}

export interface ActionForm<T> {
  state: ActionState<T> | null;
  ok: boolean;
  failed: boolean;
  data: T | undefined;
  fieldErrors: FieldErrors;
  /** The errors of one field, for TextField's `errors`. */
  errors(name: string): string[] | undefined;
  /**
   * What to show in a field: what was typed, after a refusal (React resets an
   * uncontrolled form after its action), else `fallback`. For `defaultValue`.
   */
  value(name: string, fallback?: string): string;
  /** A repeated field's kept values (checkboxes), else `fallback`. */
  values(name: string, fallback?: readonly string[]): readonly string[];
  /** A checkbox as it was submitted, after a refusal (an unticked box sends nothing), else `fallback`. For `defaultChecked`. */
  checked(name: string, fallback: boolean): boolean;
  prompt: Prompt | undefined;
}

/** Reads an answer the one way every form does. */
export function readActionState<T>(state: ActionState<T> | null): ActionForm<T> {
  const failure = state && !state.ok ? state : null;
  const fieldErrors = failure?.fieldErrors ?? {};
  const kept = failure?.values ?? {};
  return {
    state,
    ok: state?.ok === true,
    failed: failure !== null,
    data: state?.ok ? state.data : undefined,
    fieldErrors,
    errors: (name) => (fieldErrors[name]?.length ? fieldErrors[name] : undefined),
    value: (name, fallback = "") => {
      const value = kept[name];
      return value === undefined ? fallback : Array.isArray(value) ? (value[0] ?? fallback) : value;
    },
    values: (name, fallback = []) => {
      if (!failure?.values) return fallback;
      const value = kept[name];
      return value === undefined ? [] : [value].flat();
    },
    checked: (name, fallback) => (failure?.values ? kept[name] !== undefined : fallback),
    prompt: failure?.prompt,
  };
}

/** `useActionState(action, null)`, read the one way: `const form = useActionForm(saveAction)`, then `<form action={form.action}>`. */
export function useActionForm<T>(action: FormAction<T>) {
  const [state, formAction, pending] = useActionState(action, null);
  return { ...readActionState(state), action: formAction, pending };
}

/** The prompt a refusal carries: the buy prompt or the budget refusal. */
export function PromptNotice({ prompt }: { prompt: Prompt }) {
  switch (prompt.kind) {
    case "buy-credits":
      return <InsufficientCreditsNotice {...prompt} />;
    case "budget-exceeded":
      return <BudgetExceededNotice {...prompt} />;
  }
}

/**
 * The answer under a form: the prompt when the refusal has one, else the
 * message — announced as a status on success and an alert on failure.
 */
export function ActionFeedback({
  state,
  fieldsShown,
  variant = "inline",
  className = "",
}: {
  state: ActionState<unknown> | null;
  fieldsShown?: boolean;
  /** "inline": a line of text beside the buttons; "banner": a boxed message inside a dialog or card. */
  variant?: "inline" | "banner";
  className?: string;
}) {
  const say = useActionMessage();
  if (state && !state.ok && state.prompt) return <PromptNotice prompt={state.prompt} />;
  const message = say(state, { fieldsShown });
  if (!state || !message) return null;
  const tone = state.ok
    ? variant === "banner"
      ? "rounded-md border border-green-200 bg-green-50 px-3 py-2 text-green-900"
      : "text-green-800"
    : variant === "banner"
      ? "rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800"
      : "text-red-700";
  return (
    <p role={state.ok ? "status" : "alert"} className={`text-sm ${tone} ${className}`}>
      {message}
    </p>
  );
}
