import "server-only";
import type { z } from "zod";
import { formAction, type ActionResult } from "@/lib/actions/action";
import { accountRefusal } from "@/components/account-errors";

/**
 * An action of the signed-out pages (set-up, forgot password, invitation,
 * reset): no session to check (PUBLIC: the visitor cannot sign in yet), one
 * lib/auth call that checks its own credential, and that call's refusal codes
 * worded beside their field.
 */
export function signedOutAction<S extends z.ZodType, T = undefined>(input: S, run: (input: z.output<S>) => Promise<ActionResult<T>>) {
  return formAction({ role: "PUBLIC", input, refusal: accountRefusal, run: ({ input }) => run(input) });
}
