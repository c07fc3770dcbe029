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
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { action, formAction, ok, refuse, type ActionDefinition } from "./action";

/**
 * A success and its message, or a refusal and its message (keys of the
 * `messages` namespace). `{ ok: true }`: a success said by the row itself
 * changing, with no message.
 */
export type RowAnswer = { ok: string | true } | { refuse: string };

/** A page to refresh: its path, or [path, "layout"] to refresh every page below it. */
export type Revalidated = string | readonly [path: string, type: "page" | "layout"];

/** Refreshes the pages that show what an action changed. */
export function revalidatePages(pages: readonly Revalidated[]) {
  for (const page of pages) {
    if (typeof page === "string") revalidatePath(page);
    else revalidatePath(page[0], page[1]);
  }
}

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
    async run({ user, input }) {
      const outcome = await row.run({ user, input });
      revalidatePages(row.revalidate ?? []);
      const t = await getTranslations(row.messages);
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

/** What the row actions of one page share. */
type PageRows = Pick<RowActionDefinition<z.ZodType, never>, "role" | "messages" | "revalidate">;
type OneRow<S extends z.ZodType, O extends string | boolean> = Omit<RowActionDefinition<S, O>, keyof PageRows>;

/**
 * The row actions of one page: who may call them, their messages' namespace
 * and the pages they refresh, said once; each action is then its input, its
 * lib/ call and its answers.
 *
 *   const rows = rowActionsOf({ role: "ADMIN", messages: "leads.settings", revalidate: [PATH] });
 *   export const removeSiteAction = rows.rowAction({ input, run, answers });
 */
export function rowActionsOf(page: PageRows) {
  return {
    rowAction: <S extends z.ZodType, O extends string | boolean>(row: OneRow<S, O>) => rowAction<S, O>({ ...page, ...row }),
    directRowAction: <S extends z.ZodType, O extends string | boolean>(row: OneRow<S, O>) => directRowAction<S, O>({ ...page, ...row }),
  };
}
