import { getTranslations } from "next-intl/server";
import { secretLinkMetadata } from "@/app/_components/secret-link-metadata";
import { ChoosePasswordPage } from "../../_components/choose-password-page";
import { resetPasswordAction } from "./actions";

export const generateMetadata = secretLinkMetadata("auth.reset");

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t] = await Promise.all([params, getTranslations("auth.reset")]);
  return (
    <ChoosePasswordPage
      token={token}
      purpose="PASSWORD_RESET"
      whatNext={t("whatNext")}
      heading={(user) => ({ title: t("title"), intro: t.rich("intro", { email: user.email, strong: (chunks) => <span className="font-medium text-gray-900">{chunks}</span> }) })}
      action={resetPasswordAction}
    />
  );
}
