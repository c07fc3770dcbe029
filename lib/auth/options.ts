import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { preferredLocale } from "@/lib/i18n/locales";
import { safeRedirectUrl } from "@/lib/http/safe-redirect";
import { ACCOUNT_DEACTIVATED } from "./schemas";
import { signInWithPassword, throttledError } from "./sign-in";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        // next-auth hands the headers over as a plain object (or, in places, a Headers).
        const headers = (request?.headers ?? {}) as Record<string, string | undefined> | Headers;
        const header = (name: string) => (headers instanceof Headers ? headers.get(name) : headers[name]);
        const browserLocale = preferredLocale({ cookie: header("cookie"), acceptLanguage: header("accept-language") });
        const outcome = await signInWithPassword(credentials, clientAddress(request?.headers ?? {}), browserLocale);
        // next-auth passes a thrown message on as the `error` of its answer (see app/api/auth/[...nextauth]/route.ts).
        if (outcome.status === "throttled") throw throttledError(outcome.retryAfterSeconds);
        if (outcome.status === "deactivated") throw new Error(ACCOUNT_DEACTIVATED);
        if (outcome.status !== "ok") return null;
        const { user } = outcome;
        return { id: String(user.id), email: user.email, name: user.name, role: user.role, companyId: user.companyId };
      },
    }),
  ],
  callbacks: {
    // Every callbackUrl next-auth is given stays on APP_URL's origin.
    redirect({ url }) {
      return safeRedirectUrl(url, env().APP_URL);
    },
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.companyId = user.companyId;
      }
      return token;
    },
    async session({ session, token }) {
      session.user = { ...session.user, id: token.uid, role: token.role, companyId: token.companyId };
      return session;
    },
  },
};
