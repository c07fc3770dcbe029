import type { Metadata } from "next";
import { inspectUserToken } from "@/lib/auth/user-tokens";
import { AuthCard } from "../../_components/auth-card";
import { ChoosePasswordForm } from "../../_components/choose-password-form";
import { LinkProblem } from "../../_components/link-problem";
import { acceptInvitationAction } from "./actions";

// No referrer: the token in this URL must not leak to any other site.
export const metadata: Metadata = { title: "Join your company", referrer: "no-referrer", robots: { index: false, follow: false } };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await inspectUserToken(token, "INVITATION");
  if (link.state !== "valid") return <LinkProblem state={link.state} whatNext="Ask an administrator of your company to send you a new invitation." />;
  return (
    <AuthCard
      title={`Join ${link.user.companyName}`}
      intro={
        <>
          Welcome, {link.user.name}. Choose a password for <span className="font-medium text-gray-900">{link.user.email}</span>: you will be signed in
          right away.
        </>
      }
    >
      <ChoosePasswordForm token={token} email={link.user.email} submitLabel="Set password and sign in" action={acceptInvitationAction} />
    </AuthCard>
  );
}
