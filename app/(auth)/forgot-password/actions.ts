"use server";

import { after } from "next/server";
import { z } from "zod";
import { requestPasswordReset } from "@/lib/auth/passwords";
import { forgotPasswordSchema, type AuthFormState } from "@/lib/auth/schemas";
import { deliverNow } from "@/lib/mail/deliver-now";

// "Forgot password?": no session (the visitor cannot sign in). The answer is
// the same whether or not the address has an account, and the e-mail goes out
// after the response, so neither the words nor the time tell who has one.
export async function forgotPasswordAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const parsed = forgotPasswordSchema.safeParse({ email: formData.get("email") });
  if (!parsed.success) return { ok: false, message: "", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const { emailId } = await requestPasswordReset(parsed.data.email);
  if (emailId !== null) after(() => deliverNow([emailId]).catch((error) => console.error("[auth] password reset e-mail:", error)));
  return { ok: true, message: "" };
}
