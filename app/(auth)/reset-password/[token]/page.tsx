import type { Metadata } from "next";
import { inspectUserToken } from "@/lib/auth/user-tokens";
import { AuthCard } from "../../_components/auth-card";
import { ChoosePasswordForm } from "../../_components/choose-password-form";
import { LinkProblem } from "../../_components/link-problem";
import { resetPasswordAction } from "./actions";

// No referrer: the token in this URL must not leak to any other site.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer", robots: { index: false, follow: false } };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await inspectUserToken(token, "PASSWORD_RESET");
  if (link.state !== "valid") return <LinkProblem state={link.state} whatNext="Ask for a new one with “Forgot password?” on the sign-in page." />;
  return (
    <AuthCard
      title="Choose a new password"
      intro={
        <>
          For <span className="font-medium text-gray-900">{link.user.email}</span>. You will be signed in with it right away.
        </>
      }
    >
      <ChoosePasswordForm token={token} email={link.user.email} submitLabel="Set password and sign in" action={resetPasswordAction} />
    </AuthCard>
  );
}
