import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { hasCompany } from "@/lib/auth/companies";
import { AuthCard } from "../_components/auth-card";
import { ForgotPasswordForm } from "./forgot-password-form";

// Reads the database on every request (is there a company yet?).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Forgot password" };

export default async function ForgotPasswordPage() {
  if (!(await hasCompany())) redirect("/setup");
  return (
    <AuthCard title="Forgot your password?" intro="Type the e-mail address you sign in with: we will e-mail you a link to choose a new password.">
      <ForgotPasswordForm />
      <p className="mt-6 text-sm">
        <Link href="/login" className="text-brand-600 hover:underline">
          Back to sign-in
        </Link>
      </p>
    </AuthCard>
  );
}
