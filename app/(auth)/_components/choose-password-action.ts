import "server-only";
import { z } from "zod";
import { AccountError } from "@/lib/auth/errors";
import { choosePasswordSchema } from "@/lib/auth/schemas";
import { ACCOUNT_ERRORS } from "@/components/account-errors";
import type { ChoosePasswordState } from "./choose-password-form";

/**
 * The body of the invitation and reset actions: no session to check — the
 * secret link is the credential, and `setPassword` checks it (known, unused,
 * unexpired) in the transaction that sets the password.
 */
export async function choosePassword(formData: FormData, setPassword: (token: string, password: string) => Promise<{ email: string }>): Promise<ChoosePasswordState> {
  const parsed = choosePasswordSchema.safeParse({ token: formData.get("token"), password: formData.get("password"), confirm: formData.get("confirm") });
  if (!parsed.success) return { ok: false, message: "", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    const { email } = await setPassword(parsed.data.token, parsed.data.password);
    return { ok: true, message: "", email };
  } catch (error) {
    if (error instanceof AccountError) return { ok: false, message: ACCOUNT_ERRORS[error.code] };
    throw error;
  }
}
