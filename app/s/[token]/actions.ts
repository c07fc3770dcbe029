"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { env } from "@/lib/env";
import { CALLBACK_PATH } from "@/lib/identity/config";
import { clientAddress } from "@/lib/http/client-address";
import { signatureSchema, type SigningState } from "@/lib/sign/schemas";
import { refuseDocument, signDocument, SigningError } from "@/lib/sign/signing";
import { countSigningPageUse } from "@/lib/sign/signing-limit";
import { LOGIN_COOKIE, LOGIN_TTL_SECONDS, loginCookieValue, startVerification } from "@/lib/sign/verification";
import { formDataOf, textField } from "@/lib/http/params";

// The public signing page's actions. There is no session to check: the
// signing token in the link is the signer's only credential, and every lib
// function below starts by checking it (known, unexpired, still open). Each
// counts against the signing pages' per-address limit first.

const TOO_MANY = "Too many requests from your network. Wait a minute, then try again.";

// "Verify my identity": reserve the credit, remember the login in this browser, go to the provider.
export async function startVerificationAction(token: string, _previous: SigningState, _formData: FormData): Promise<SigningState> {
  if (!(await countSigningPageUse(await headers())).ok) return { ok: false, message: TOO_MANY };
  const started = await startVerification(token);
  if (!started.ok) return { ok: false, message: started.message };
  (await cookies()).set(LOGIN_COOKIE, loginCookieValue(started.loginId, token), {
    httpOnly: true,
    sameSite: "lax",
    secure: env().APP_URL.startsWith("https:"),
    path: CALLBACK_PATH,
    maxAge: LOGIN_TTL_SECONDS,
  });
  redirect(started.url);
}

export async function signAction(token: string, _previous: SigningState, formData: FormData): Promise<SigningState> {
  formData = formDataOf(formData);
  if (!(await countSigningPageUse(await headers())).ok) return { ok: false, message: TOO_MANY };
  const parsed = signatureSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const errors = z.flattenError(parsed.error);
    return { ok: false, message: [...errors.formErrors, ...Object.values(errors.fieldErrors).flat()][0] ?? "Add your signature first." };
  }
  try {
    await signDocument(token, parsed.data, clientAddress(await headers()));
  } catch (error) {
    if (error instanceof SigningError) return { ok: false, message: error.message };
    throw error;
  }
  revalidatePath(`/s/${token}`);
  return { ok: true, message: "Signed. Thank you!" };
}

export async function refuseAction(token: string, _previous: SigningState, formData: FormData): Promise<SigningState> {
  formData = formDataOf(formData);
  if (!(await countSigningPageUse(await headers())).ok) return { ok: false, message: TOO_MANY };
  const reason = textField().trim().max(500).optional().safeParse(formData.get("reason") ?? undefined);
  try {
    await refuseDocument(token, reason.success && reason.data ? reason.data : null, clientAddress(await headers()));
  } catch (error) {
    if (error instanceof SigningError) return { ok: false, message: error.message };
    throw error;
  }
  revalidatePath(`/s/${token}`);
  return { ok: true, message: "You refused to sign. The sender has been notified." };
}
