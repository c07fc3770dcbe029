import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

// Signed-out visitors of an app page go to sign-in and come back where they
// were going. This is convenience only: every page, action and route still
// checks the session itself (lib/auth/session.ts).
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request });
  if (token) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Pages only: not the pages used before signing in (sign-in, company set-up,
  // forgot password, the invitation and reset links), API routes (they answer
  // 401; this includes the test identity provider under /api/test-idp), the
  // public signing pages under /s/ (signers have no account), the public API
  // documentation under /developers, Next's assets, or the public files.
  matcher: ["/((?!login|setup|forgot-password|invite/|reset-password/|api|s/|developers|_next/|favicon.ico|robots.txt|.*\\.(?:png|svg|ico|jpg|css|js)$).*)"],
};
