import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { hasCompany } from "@/lib/auth/companies";
import { AuthCard, BackToSignIn } from "../_components/auth-card";
import { ForgotPasswordForm } from "./forgot-password-form";

// Reads the database on every request (is there a company yet?).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Forgot password" };

export default async function ForgotPasswordPage() {
  if (!(await hasCompany())) redirect("/setup");
  return (
    <AuthCard title="Forgot your password?" intro="Type the e-mail address you sign in with: we will e-mail you a link to choose a new password.">
      <ForgotPasswordForm />
      <BackToSignIn />
    </AuthCard>
  );
}
