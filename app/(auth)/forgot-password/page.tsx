import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { hasCompany } from "@/lib/auth/companies";
import { AuthCard, BackToSignIn } from "../_components/auth-card";
import { ForgotPasswordForm } from "./forgot-password-form";
import { titleFrom } from "@/lib/i18n/page-title";

// Reads the database on every request (is there a company yet?).
export const dynamic = "force-dynamic";

export const generateMetadata = titleFrom("auth.forgot", "metaTitle");

export default async function ForgotPasswordPage() {
  if (!(await hasCompany())) redirect("/setup");
  const t = await getTranslations("auth.forgot");
  return (
    <AuthCard title={t("title")} intro={t("intro")}>
      <ForgotPasswordForm />
      <BackToSignIn />
    </AuthCard>
  );
}
