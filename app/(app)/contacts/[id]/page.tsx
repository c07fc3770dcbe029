import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { listMessages } from "@/lib/contacts/chatter";
import { companyCountry, getContact } from "@/lib/contacts/contacts";
import { countryOptions } from "@/lib/contacts/countries";
import { smsGateway } from "@/lib/sms/gateways";
import { parsePhone } from "@/lib/contacts/phone";
import { optedOutNumbers } from "@/lib/sms/opt-out";
import { loadPriceTable, smsService } from "@/lib/sms/pricing";
import { ALPHANUMERIC_COUNTRIES } from "@/lib/sms/sender";
import { smsSenderSettings } from "@/lib/sms/sender-settings";
import { ContactForm } from "../_components/contact-form";
import { contactFormValues } from "../_components/contact-values";
import { updateContactAction } from "./actions";
import { Chatter } from "./_components/chatter";
import { parseId } from "@/lib/http/params";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("contacts", "contact.metaTitle");

export default async function ContactPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/contacts/${id}`);
  const contactId = parseId(id);
  if (contactId === null) notFound();
  const contact = await getContact(user.companyId, contactId);
  if (!contact) notFound();
  const [entries, prices, service, country, sender] = await Promise.all([
    listMessages(user.companyId, contact.id),
    loadPriceTable(),
    smsService(),
    companyCountry(user.companyId),
    smsSenderSettings(user.companyId),
  ]);
  const numbers = [contact.phone, contact.mobile].flatMap((raw) => parsePhone(raw, { contact: contact.country, company: country })?.e164 ?? []);
  const optedOut = [...(await optedOutNumbers(user.companyId, numbers))];
  const created = (await searchParams).created === "1";
  const [t, locale] = await Promise.all([getTranslations("contacts"), getLocale()]);
  return (
    <>
      <PageHeader crumbs={[{ label: t("contact.crumb"), href: "/contacts" }, { label: contact.name }]} />
      <div className="grid grid-cols-1 gap-6 px-4 py-6 sm:px-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div>
          {created && (
            <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
              {t("contact.created")}
            </p>
          )}
          <ContactForm
            // Not keyed on updatedAt: a save must not remount the form, or its saved notice would vanish with it.
            key={contact.id}
            action={updateContactAction}
            countries={countryOptions(locale)}
            companyCountry={country}
            values={contactFormValues(contact)}
            sms={{
              prices,
              decimals: service.decimals,
              testMode: smsGateway().testMode,
              companyCountry: country,
              optedOut,
              senderName: sender.senderName,
              senderNumber: sender.number,
              alphanumericCountries: [...ALPHANUMERIC_COUNTRIES],
            }}
          />
        </div>
        <Chatter contactId={contact.id} entries={entries} />
      </div>
    </>
  );
}
