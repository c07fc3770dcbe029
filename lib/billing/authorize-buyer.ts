import "server-only";
import { AuthError, checkCaller, type SessionUser } from "@/lib/auth/session";
import type { ActionState } from "./schemas";

/**
 * Step 1 of every buying action (Buy, demo Pay and Cancel): only a signed-in
 * administrator buys. Returns the user, or the refusal to hand back to the form.
 */
export async function authorizeBuyer(): Promise<{ user: SessionUser; refused?: never } | { user?: never; refused: ActionState }> {
  try {
    return { user: await checkCaller("ADMIN") };
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    return { refused: { ok: false, message: error.status === 403 ? "Only administrators can buy credits." : error.message } };
  }
}
