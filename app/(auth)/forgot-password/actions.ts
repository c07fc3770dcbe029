"use server";

import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { after } from "next/server";
import { ok } from "@/lib/actions/action";
import { requestPasswordReset } from "@/lib/auth/passwords";
import { forgotPasswordSchema } from "@/lib/auth/schemas";
import { clientAddress } from "@/lib/http/client-address";
import { deliverNow } from "@/lib/mail/deliver-now";
import { signedOutAction } from "../_components/signed-out-action";

// "Forgot password?": the answer is the same whether or not the address has an account, and the
// e-mail goes out after the response, so neither the words nor the time tell
// who has one. Throttled by the caller's address and by the e-mail typed
// (lib/auth/throttle.ts): over the limit, the refusal says when to try again.
export const forgotPasswordAction = signedOutAction(forgotPasswordSchema, async (input) => {
  const { emailId } = await requestPasswordReset(input.email, { address: clientAddress(await headers()) });
  if (emailId !== null) after(() => deliverNow([emailId]).catch((error) => console.error("[auth] password reset e-mail:", error)));
  return ok((await getTranslations("auth.forgot"))("sent"));
});
