import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { companyCountry } from "@/lib/contacts/contacts";
import { countryOptions } from "@/lib/contacts/countries";
import { ContactForm } from "../_components/contact-form";
import { createContactAction } from "../actions";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("contacts", "new.metaTitle");

export default async function NewContactPage() {
  const user = await requireUser("/contacts/new");
  const [t, locale] = await Promise.all([getTranslations("contacts"), getLocale()]);
  return (
    <>
      <PageHeader crumbs={[{ label: t("contact.crumb"), href: "/contacts" }, { label: t("new.crumb") }]} />
      <div className="max-w-4xl px-4 py-6 sm:px-6">
        <ContactForm
          action={createContactAction}
          countries={countryOptions(locale)}
          companyCountry={await companyCountry(user.companyId)}
          values={{ name: "", email: "", phone: "", mobile: "", country: "", street: "", city: "", zip: "" }}
        />
      </div>
    </>
  );
}
