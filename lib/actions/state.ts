// What every server action answers, and what every form reads: one shape, so
// a form shows field errors, kept values, the buy prompt and failures the same
// way everywhere. Plain types (no server-only): client components import them.
import type { BuyCreditsPrompt } from "@/lib/iap/insufficient-credits";

/** zod's z.flattenError(...).fieldErrors: messages by field name. */
export type FieldErrors = Record<string, string[] | undefined>;

/** What the user typed, by field name (repeated fields as lists); never secrets or files. */
export type FormValues = Record<string, string | string[]>;

/**
 * A refusal the user can act on, shown as a prompt rather than an error line.
 * Budget refusals (#23) join this union with their own `kind`.
 */
export type Prompt = BuyCreditsPrompt;

/**
 * Why an action failed. The words for the codes the wrapper sets itself live
 * with the UI (components/action-feedback.tsx); "refused" carries the action's
 * own `message`.
 */
export type FailureCode =
  /** No session (expired, signed out in another tab). */
  | "signed-out"
  /** Signed in, but the action needs an administrator. */
  | "forbidden"
  /** The input failed the action's zod schema: see fieldErrors / formErrors. */
  | "invalid"
  /** The domain said no, for a reason in `message` (and maybe fieldErrors). */
  | "refused"
  /** A refusal with a prompt: see `prompt`. */
  | Prompt["kind"]
  /** A bug or an outage: logged on the server under `errorId`. */
  | "unexpected";

export interface ActionSuccess<T> {
  ok: true;
  message?: string;
  data?: T;
}

export interface ActionFailure {
  ok: false;
  code: FailureCode;
  /** Set by the action for "refused"; otherwise the UI words the code. */
  message?: string;
  fieldErrors?: FieldErrors;
  formErrors?: string[];
  /** The submitted non-secret values, so a refused form re-renders what was typed. */
  values?: FormValues;
  prompt?: Prompt;
  /** "unexpected": the id of the server log line, to quote to an administrator. */
  errorId?: string;
}

export type ActionState<T = undefined> = ActionSuccess<T> | ActionFailure;

/** The signature `useActionState` wants; the first state is null. */
export type FormAction<T = undefined> = (previous: ActionState<T> | null, formData: FormData) => Promise<ActionState<T>>;
