import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "@/lib/db/client";
import { verifyPassword } from "./password";
import { ACCOUNT_DEACTIVATED, signInSchema } from "./schemas";

// A hash to compare against when the e-mail is unknown, so a wrong e-mail takes
// as long as a wrong password and sign-in does not reveal who has an account.
const DUMMY_HASH = "$2b$12$PYjSKQJunaDLjYrvEnNkh.zNtbVe2SxN4R4I7XNSY98F005zVhhH2";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const user = await prisma().user.findUnique({ where: { email: parsed.data.email } });
        const valid = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
        if (!user?.passwordHash || !valid) return null;
        // Said only to someone who knows the password: it reveals nothing to a guesser.
        if (user.status !== "ACTIVE") throw new Error(ACCOUNT_DEACTIVATED);
        return { id: String(user.id), email: user.email, name: user.name, role: user.role, companyId: user.companyId };
      },
    }),
  ],
  callbacks: {
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
