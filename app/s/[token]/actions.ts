"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction, ok, refuse } from "@/lib/actions/action";
import type { Words } from "@/lib/i18n/catalogue";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { textField } from "@/lib/http/params";
import { CALLBACK_PATH } from "@/lib/identity/config";
import { signingPath } from "@/lib/routes";
import { signatureSchema } from "@/lib/sign/schemas";
import { refuseDocument, signDocument, SigningError } from "@/lib/sign/signing";
import { countSigningPageUse } from "@/lib/sign/signing-limit";
import { LOGIN_COOKIE, LOGIN_TTL_SECONDS, loginCookieValue, startVerification } from "@/lib/sign/verification";

// The public signing page's actions. There is no session to check (role
// PUBLIC): the signing token in the link, posted back in a hidden field, is the
// signer's only credential, and every lib function below starts by checking it
// (known, unexpired, still open). Each first counts against the signing pages'
// per-address limit. Their words come from the "sign" namespace, in the
// signer's language (their browser's, or the switcher's).

const signingLink = z.object({ token: textField().min(1).max(200) });

const tooMany = (t: Words) => refuse(t("errors.tooMany"));

/** The signing page shows what was signed or refused. */
const signingPage = (input: { token: string }) => [signingPath(input.token)];

// "Verify my identity": reserve the credit, remember the login in this browser, go to the provider.
export const startVerificationAction = formAction({
  role: "PUBLIC",
  input: signingLink,
  messages: "sign",
  async run({ input: { token }, t }) {
    if (!(await countSigningPageUse(await headers())).ok) return tooMany(t);
    const started = await startVerification(token);
    if (!started.ok) return refuse(t(`errors.verification.${started.code}`));
    (await cookies()).set(LOGIN_COOKIE, loginCookieValue(started.loginId, token), {
      httpOnly: true,
      sameSite: "lax",
      secure: env().APP_URL.startsWith("https:"),
      path: CALLBACK_PATH,
      maxAge: LOGIN_TTL_SECONDS,
    });
    redirect(started.url);
  },
});

export const signAction = formAction({
  role: "PUBLIC",
  input: signingLink.and(signatureSchema),
  messages: "sign",
  revalidate: signingPage,
  async run({ input: { token, ...signature }, t }) {
    const requestHeaders = await headers();
    if (!(await countSigningPageUse(requestHeaders)).ok) return tooMany(t);
    try {
      await signDocument(token, signature, clientAddress(requestHeaders));
    } catch (error) {
      if (error instanceof SigningError) return refuse(t(`errors.signing.${error.code}`));
      throw error;
    }
    return ok(t("signing.signed"));
  },
});

export const refuseAction = formAction({
  role: "PUBLIC",
  input: signingLink.extend({ reason: textField().trim().max(500, "sign.reasonTooLong").optional() }),
  messages: "sign",
  revalidate: signingPage,
  async run({ input: { token, reason }, t }) {
    const requestHeaders = await headers();
    if (!(await countSigningPageUse(requestHeaders)).ok) return tooMany(t);
    try {
      await refuseDocument(token, reason || null, clientAddress(requestHeaders));
    } catch (error) {
      if (error instanceof SigningError) return refuse(t(`errors.signing.${error.code}`));
      throw error;
    }
    return ok(t("signing.refusedDone"));
  },
});
