import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { CALLBACK_PATH } from "@/lib/identity/config";
import { completeVerification, LOGIN_COOKIE, parseLoginCookie } from "@/lib/sign/verification";

// GET /api/identity/callback — where the identity provider sends the signer
// back (the redirect URI registered with the provider). Completes the login
// bound to this browser, then returns to the signing page with the outcome.
export async function GET(request: NextRequest) {
  const appUrl = env().APP_URL;
  const login = parseLoginCookie(request.cookies.get(LOGIN_COOKIE)?.value);
  if (!login) {
    return new NextResponse(
      "This identity verification has expired or was started in another browser. Open the signing link from your e-mail again and click “Verify my identity”.",
      { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } },
    );
  }
  // The URL the provider redirected to, on the public origin: openid-client
  // derives the redirect_uri of the token request from it.
  const callbackUrl = new URL(`${CALLBACK_PATH}${request.nextUrl.search}`, appUrl);
  const result = await completeVerification(login.loginId, login.token, callbackUrl);
  const outcome = result.ok ? "verified" : result.reason;
  const response = NextResponse.redirect(new URL(`/s/${login.token}?verification=${outcome}`, appUrl), 303);
  response.cookies.delete({ name: LOGIN_COOKIE, path: CALLBACK_PATH });
  return response;
}
