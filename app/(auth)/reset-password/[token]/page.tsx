import { getTranslations } from "next-intl/server";
import { secretLinkMetadata } from "@/app/_components/secret-link-metadata";
import { inspectUserToken } from "@/lib/auth/user-tokens";
import { AuthCard } from "../../_components/auth-card";
import { ChoosePasswordForm } from "../../_components/choose-password-form";
import { LinkProblem } from "../../_components/link-problem";
import { resetPasswordAction } from "./actions";

export const generateMetadata = secretLinkMetadata("auth.reset");

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, link] = await Promise.all([getTranslations("auth.reset"), inspectUserToken(token, "PASSWORD_RESET")]);
  if (link.state !== "valid") return <LinkProblem state={link.state} whatNext={t("whatNext")} />;
  return (
    <AuthCard
      title={t("title")}
      intro={t.rich("intro", { email: link.user.email, strong: (chunks) => <span className="font-medium text-gray-900">{chunks}</span> })}
    >
      <ChoosePasswordForm token={token} email={link.user.email} action={resetPasswordAction} />
    </AuthCard>
  );
}
