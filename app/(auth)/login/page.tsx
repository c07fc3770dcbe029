import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { hasCompany } from "@/lib/auth/companies";
import { sessionState } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { AuthCard } from "../_components/auth-card";
import { SignInForm } from "./_components/sign-in-form";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("auth.login", "metaTitle");

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // Only our own origin: an open redirect would let a phishing link bounce through us.
  const returnTo = safeRedirectPath(callbackUrl, env().APP_URL);
  // Every page of an empty database leads here first (signed out), then to set-up.
  if (!(await hasCompany())) redirect("/setup");
  const session = await sessionState();
  if (session.user) redirect(returnTo);
  const t = await getTranslations("auth.login");
  return (
    <AuthCard title={t("title")} intro={t("intro")}>
      {session.ended === "deactivated" && (
        <p role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {t("deactivated")}
        </p>
      )}
      <SignInForm returnTo={returnTo} />
      <div className="mt-6 flex flex-wrap items-center justify-between gap-2 text-sm">
        <Link href="/forgot-password" className="text-brand-600 hover:underline">
          {t("forgotPassword")}
        </Link>
        {env().SIGNUP === "open" && (
          <Link href="/setup" className="text-brand-600 hover:underline">
            {t("createCompany")}
          </Link>
        )}
      </div>
    </AuthCard>
  );
}
