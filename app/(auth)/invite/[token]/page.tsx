import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { inspectUserToken } from "@/lib/auth/user-tokens";
import { AuthCard } from "../../_components/auth-card";
import { ChoosePasswordForm } from "../../_components/choose-password-form";
import { LinkProblem } from "../../_components/link-problem";
import { acceptInvitationAction } from "./actions";

// No referrer: the token in this URL must not leak to any other site.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.invite"))("metaTitle"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth.invite");
  const link = await inspectUserToken(token, "INVITATION");
  if (link.state !== "valid") return <LinkProblem state={link.state} whatNext={t("whatNext")} />;
  return (
    <AuthCard
      title={t("title", { company: link.user.companyName })}
      intro={t.rich("intro", {
        name: link.user.name,
        email: link.user.email,
        strong: (chunks) => <span className="font-medium text-gray-900">{chunks}</span>,
      })}
    >
      <ChoosePasswordForm token={token} email={link.user.email} action={acceptInvitationAction} />
    </AuthCard>
  );
}
