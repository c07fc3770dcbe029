import "server-only";
import { ok } from "@/lib/actions/action";
import { choosePasswordSchema } from "@/lib/auth/schemas";
import { signedOutAction } from "./signed-out-action";

/**
 * The invitation and reset actions: no session to check (PUBLIC) — the secret
 * link is the credential, and `setPassword` checks it (known, unused,
 * unexpired) in the transaction that sets the password. The answer names the
 * account, so the browser can sign in with the password it just sent.
 */
export function choosePasswordAction(setPassword: (token: string, password: string) => Promise<{ email: string }>) {
  return signedOutAction(choosePasswordSchema, async (input) => {
    const { email } = await setPassword(input.token, input.password);
    return ok(undefined, { email });
  });
}
