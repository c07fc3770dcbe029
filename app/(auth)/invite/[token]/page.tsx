import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { secretLinkMetadata } from "@/app/_components/secret-link-metadata";
import { ChoosePasswordPage } from "../../_components/choose-password-page";
import { acceptInvitationAction } from "./actions";

export const generateMetadata = secretLinkMetadata("auth.invite");

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t] = await Promise.all([params, getTranslations("auth.invite")]);
  const strong = (chunks: ReactNode) => <span className="font-medium text-gray-900">{chunks}</span>;
  return (
    <ChoosePasswordPage
      token={token}
      purpose="INVITATION"
      whatNext={t("whatNext")}
      heading={(user) => ({ title: t("title", { company: user.companyName }), intro: t.rich("intro", { name: user.name, email: user.email, strong }) })}
      action={acceptInvitationAction}
    />
  );
}
