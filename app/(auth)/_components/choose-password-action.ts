import "server-only";
import { formAction, ok } from "@/lib/actions/action";
import { choosePasswordSchema } from "@/lib/auth/schemas";
import { accountRefusal } from "@/components/account-errors";

/**
 * The invitation and reset actions: no session to check (PUBLIC) — the secret
 * link is the credential, and `setPassword` checks it (known, unused,
 * unexpired) in the transaction that sets the password. The answer names the
 * account, so the browser can sign in with the password it just sent.
 */
export function choosePasswordAction(setPassword: (token: string, password: string) => Promise<{ email: string }>) {
  return formAction({
    role: "PUBLIC",
    input: choosePasswordSchema,
    refusal: accountRefusal,
    async run({ input }) {
      const { email } = await setPassword(input.token, input.password);
      return ok(undefined, { email });
    },
  });
}
