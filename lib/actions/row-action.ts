// An action on one row of a list — Re-send, Cancel, Retry, Discard, Revoke,
// Remove — written as what it is: the lib/ function it calls, which answers
// with an outcome, and a table saying, for every outcome, whether it is a
// success and which message of the catalogue says so. TypeScript checks the
// table names every outcome. The pages in `revalidate` are refreshed whatever
// the outcome: a refusal usually means the row changed under the user.
//
//   export const revokeApiKeyAction = rowAction({
//     role: "ADMIN",
//     input: apiKeyIdSchema,
//     messages: "apiKeys.results",
//     run: ({ user, input }) => revokeApiKey(user.companyId, input.id),
//     answers: { true: { ok: "revoked" }, false: { refuse: "notFound" } },
//     revalidate: ["/settings/api-keys"],
//   });
import "server-only";
import type { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { action, formAction, ok, refuse, revalidatePages, type ActionDefinition, type Revalidated } from "./action";

/**
 * A success and its message, or a refusal and its message (keys of the
 * `messages` namespace). `{ ok: true }`: a success said by the row itself
 * changing, with no message.
 */
export type RowAnswer = { ok: string | true } | { refuse: string };

interface RowActionDefinition<S extends z.ZodType, O extends string | boolean> {
  role: "ANY" | "ADMIN";
  input: S;
  /** The catalogue namespace of the answers' messages. */
  messages: string;
  run(call: { user: SessionUser; input: z.output<S> }): Promise<O>;
  answers: Record<`${O}`, RowAnswer>;
  revalidate?: readonly Revalidated[];
}

function definitionOf<S extends z.ZodType, O extends string | boolean>(row: RowActionDefinition<S, O>): ActionDefinition<"ANY" | "ADMIN", S, undefined> {
  return {
    role: row.role,
    input: row.input,
    messages: row.messages,
    // Not the wrapper's `revalidate`: a row's pages are refreshed whatever the outcome.
    async run({ user, input, t }) {
      const outcome = await row.run({ user, input });
      revalidatePages(row.revalidate ?? []);
      const answer: RowAnswer = row.answers[`${outcome}`];
      if (!("ok" in answer)) return refuse(t(answer.refuse));
      return answer.ok === true ? ok() : ok(t(answer.ok));
    },
  };
}

/** A row action behind a `<form>` (ActionButton, useActionForm). */
export function rowAction<S extends z.ZodType, O extends string | boolean>(row: RowActionDefinition<S, O>) {
  return formAction(definitionOf(row));
}

/** A row action the client calls directly, `await retryJobAction({ id })`. */
export function directRowAction<S extends z.ZodType, O extends string | boolean>(row: RowActionDefinition<S, O>) {
  return action(definitionOf(row));
}

/** What the actions of one page share: who may call them, their messages' namespace, the pages they refresh. */
type PageActions = Pick<RowActionDefinition<z.ZodType, never>, "role" | "messages" | "revalidate">;
type OneRow<S extends z.ZodType, O extends string | boolean> = Omit<RowActionDefinition<S, O>, keyof PageActions>;
type OneForm<S extends z.ZodType, T> = Omit<ActionDefinition<"ANY" | "ADMIN", S, T>, keyof PageActions>;

/**
 * The actions of one page, with what they share said once; each action is then
 * its input and its lib/ call. A form action refreshes the pages once it
 * succeeded, a row action whatever the outcome (see rowAction).
 *
 *   const page = actionsOf({ role: "ADMIN", messages: "leads.settings", revalidate: [PATH] });
 *   export const registerSiteAction = page.formAction({ input, run });
 *   export const removeSiteAction = page.rowAction({ input, run, answers });
 */
export function actionsOf(page: PageActions) {
  return {
    formAction: <S extends z.ZodType, T = undefined>(definition: OneForm<S, T>) => formAction<"ANY" | "ADMIN", S, T>({ ...page, ...definition }),
    rowAction: <S extends z.ZodType, O extends string | boolean>(row: OneRow<S, O>) => rowAction<S, O>({ ...page, ...row }),
    directRowAction: <S extends z.ZodType, O extends string | boolean>(row: OneRow<S, O>) => directRowAction<S, O>({ ...page, ...row }),
  };
}
