// The one way to write a server action: who may call it, the zod schema of
// its input, and one call into lib/. The wrapper does the rest the same way
// for every action: the role check, parsing with field errors, the buy prompt
// for a refusal that has one, kept values on failure, and an error id for
// anything unexpected. Input errors come back in the caller's language: zod's
// own messages from zod's locales, the schemas' codes from the validation
// catalogue (lib/i18n/issues.ts). Each action is then only its domain call:
//
//   export const saveThingAction = formAction({
//     role: "ADMIN",
//     input: thingSchema,
//     messages: "things.results",
//     revalidate: ["/things"],
//     async run({ user, input, t }) {
//       const saved = await saveThing(user.companyId, input);
//       if (!saved) return refuse(t("thingGone"));
//       return ok(t("saved"));
//     },
//   });
import "server-only";
import { randomBytes } from "node:crypto";
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { currentUser, type SessionUser } from "@/lib/auth/session";
import { sayIssues } from "@/lib/i18n/issues";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { visitorLocale } from "@/lib/i18n/visitor";
import type { Words } from "@/lib/i18n/catalogue";
import type { AttemptCode } from "@/lib/iap/insufficient-credits";
import { formDataToInput, keptValues } from "./form-data";
import { promptFor } from "./prompts";
import type { ActionFailure, ActionState, FieldErrors, FormAction } from "./state";

/**
 * Who may call: "ANY" signed-in user, "ADMIN" only, or "PUBLIC" (no session:
 * the action checks its own credential, like a signing link's token).
 */
export type Caller = "ANY" | "ADMIN" | "PUBLIC";

type UserFor<C extends Caller> = C extends "PUBLIC" ? null : SessionUser;

/** A page to refresh: its path, or [path, "layout"] to refresh every page below it. */
export type Revalidated = string | readonly [path: string, type: "page" | "layout"];

/** Refreshes the pages that show what an action changed. */
export function revalidatePages(pages: readonly Revalidated[]) {
  for (const page of pages) {
    if (typeof page === "string") revalidatePath(page);
    else revalidatePath(page[0], page[1]);
  }
}

/**
 * What `run` returns: `ok(…)`, `refuse(…)`, or `refuseInput(zodError)` for input
 * that only a second schema could judge (one that depends on a row the action
 * looked up). Throwing is the other way out: a prompted refusal
 * (InsufficientCreditsError), or a domain error the definition's `refusal` words.
 */
export type ActionResult<T> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; message: string; fieldErrors?: FieldErrors }
  | { ok: false; invalid: z.ZodError };

export interface ActionDefinition<C extends Caller, S extends z.ZodType, T> {
  role: C;
  /** The schema of the input (the FormData's fields as an object, or what the client passed). */
  input: S;
  /** What the buy prompt says was attempted ("sendSms": "Not enough credits to send this SMS …"), worded by the notice. */
  attempt?: AttemptCode;
  /** Fields never echoed back in `values`, beyond those named like passwords, secrets or tokens. */
  secret?: readonly string[];
  /**
   * The refusals the domain throws rather than returns (a typed error with a
   * code, thrown before anything changed), worded for the form. Null for any
   * other error: it goes on to the buy prompt or to "unexpected".
   */
  refusal?: (error: unknown) => Promise<ActionResult<never> | null>;
  /** The catalogue namespace `run` words its answers from: `run` gets its translator as `t`, in the request's language. */
  messages?: string;
  /**
   * The pages that show what the action changed, refreshed once `run` succeeded
   * (a refusal changed nothing). A function where a page depends on the input.
   */
  revalidate?: readonly Revalidated[] | ((input: z.output<S>) => readonly Revalidated[]);
  run(call: { user: UserFor<C>; input: z.output<S>; formData: FormData | null; t: Words }): Promise<ActionResult<T>>;
}

// `t` for an action without `messages`: a call is a bug the developer sees at once, not a key shown to the user.
const noMessages: Words = Object.assign(
  (key: string): string => {
    throw new Error(`The action has no messages namespace to word "${key}" from`);
  },
  { has: () => false, markup: (key: string): string => noMessages(key) },
);

export function ok<T = undefined>(message?: string, data?: T): ActionResult<T> {
  return { ok: true, ...(message === undefined ? {} : { message }), ...(data === undefined ? {} : { data }) };
}

export function refuse(message: string, fieldErrors?: FieldErrors): ActionResult<never> {
  return { ok: false, message, ...(fieldErrors ? { fieldErrors } : {}) };
}

export function refuseInput(invalid: z.ZodError): ActionResult<never> {
  return { ok: false, invalid };
}

function invalidInput(error: z.ZodError, locale: Locale): Omit<ActionFailure, "ok" | "values"> {
  const { formErrors, fieldErrors } = z.flattenError(sayIssues(error, locale));
  return { code: "invalid", fieldErrors, ...(formErrors.length ? { formErrors } : {}) };
}

// zod's own messages in the caller's language ("Trop petit : …", "无效电子邮件"),
// from the locales zod ships. A schema's own message, where it has one, wins
// (zod's precedence): those are codes, worded by sayIssues.
const ZOD_LOCALES: Partial<Record<Locale, () => { localeError: z.core.$ZodErrorMap }>> = { fr: z.locales.fr, "zh-CN": z.locales.zhCN };
const zodErrorMaps = new Map<Locale, z.core.$ZodErrorMap>();

function parseOptionsFor(locale: Locale): { error: z.core.$ZodErrorMap } | undefined {
  const locales = ZOD_LOCALES[locale];
  if (!locales) return undefined;
  let error = zodErrorMaps.get(locale);
  if (!error) zodErrorMaps.set(locale, (error = locales().localeError));
  return { error };
}

/**
 * The whole pipeline for a known caller (`currentUser()` already asked): what
 * action() runs, and what the unit tests drive without a session. `locale`:
 * the language of input errors (the caller's; a signed-out visitor's).
 */
export async function runAction<C extends Caller, S extends z.ZodType, T>(
  definition: ActionDefinition<C, S, T>,
  caller: SessionUser | null,
  raw: unknown,
  locale: Locale = caller?.locale ?? DEFAULT_LOCALE,
): Promise<ActionState<T>> {
  const formData = raw instanceof FormData ? raw : null;
  const fail = (failure: Omit<ActionFailure, "ok" | "values">): ActionFailure => ({
    ok: false,
    ...failure,
    ...(formData ? { values: keptValues(formData, definition.secret) } : {}),
  });

  if (definition.role !== "PUBLIC") {
    if (!caller) return fail({ code: "signed-out" });
    if (definition.role === "ADMIN" && caller.role !== "ADMIN") return fail({ code: "forbidden" });
  }
  const parsed = definition.input.safeParse(formData ? formDataToInput(formData) : raw, parseOptionsFor(locale));
  if (!parsed.success) return fail(invalidInput(parsed.error, locale));
  const answer = (result: ActionResult<T>): ActionState<T> => {
    if (result.ok) return result;
    if ("invalid" in result) return fail(invalidInput(result.invalid, locale));
    return fail({ code: "refused", message: result.message, ...(result.fieldErrors ? { fieldErrors: result.fieldErrors } : {}) });
  };
  try {
    const user = (definition.role === "PUBLIC" ? null : caller) as UserFor<C>;
    const t = definition.messages === undefined ? noMessages : ((await getTranslations(definition.messages)) as unknown as Words);
    const result = await definition.run({ user, input: parsed.data, formData, t });
    if (result.ok && definition.revalidate) {
      revalidatePages(typeof definition.revalidate === "function" ? definition.revalidate(parsed.data) : definition.revalidate);
    }
    return answer(result);
  } catch (error) {
    // redirect(), notFound() and friends work by throwing: let them through.
    unstable_rethrow(error);
    const refused = definition.refusal ? await definition.refusal(error) : null;
    if (refused) return answer(refused);
    const prompt = promptFor(error, definition.attempt);
    if (prompt) return fail({ code: prompt.kind, prompt });
    const errorId = randomBytes(4).toString("hex");
    console.error(`[action] unexpected error ${errorId}:`, error);
    return fail({ code: "unexpected", errorId });
  }
}

/** An action called directly from client code: `await previewAction(selection)`. */
export function action<C extends Caller, S extends z.ZodType, T = undefined>(definition: ActionDefinition<C, S, T>): (input: unknown) => Promise<ActionState<T>> {
  return async (input) => {
    if (definition.role !== "PUBLIC") return runAction(definition, await currentUser(), input);
    // No session: the visitor's language (the switcher's cookie, else Accept-Language).
    return runAction(definition, null, input, (await visitorLocale()) ?? DEFAULT_LOCALE);
  };
}

/** An action behind a `<form>` and `useActionState(formAction, null)`. */
export function formAction<C extends Caller, S extends z.ZodType, T = undefined>(definition: ActionDefinition<C, S, T>): FormAction<T> {
  const call = action(definition);
  return async (_previous, formData) => call(formData);
}
