import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { identityProviderConfig } from "@/lib/identity/config";
import { listSignableContacts } from "@/lib/sign/request-views";
import { peekIdentityCredits } from "@/lib/sign/requests";
import { NewRequestForm } from "./_components/new-request-form";
import { creditsText } from "@/components/plural";
import { localeOr } from "@/lib/i18n/locales";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("sign.new", "metaTitle");

export default async function NewSignatureRequestPage() {
  const user = await requireUser("/sign/new");
  const [contacts, credits] = await Promise.all([listSignableContacts(user.companyId), peekIdentityCredits(user.companyId)]);
  const provider = identityProviderConfig();
  const [t, locale] = await Promise.all([getTranslations("sign.new"), getLocale()]);
  return (
    <>
      <PageHeader crumbs={[{ label: t("crumbSign"), href: "/sign" }, { label: t("crumb") }]} />
      <div className="max-w-3xl px-4 py-6 sm:px-6">
        <NewRequestForm
          contacts={contacts.map((contact) => ({ id: contact.id, name: contact.name, email: contact.email ?? "" }))}
          providerLabel={provider?.label ?? null}
          isTestProvider={provider?.isTestProvider ?? false}
          creditsAvailable={credits ? creditsText(credits.available, credits.decimals) : null}
          defaultLocale={localeOr(locale)}
        />
      </div>
    </>
  );
}
