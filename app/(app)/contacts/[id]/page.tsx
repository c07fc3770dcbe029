import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { listMessages } from "@/lib/contacts/chatter";
import { companyCountry, getContact } from "@/lib/contacts/contacts";
import { countryOptions } from "@/lib/contacts/countries";
import { smsGateway } from "@/lib/sms/gateways";
import { loadPriceTable, smsService } from "@/lib/sms/pricing";
import { ContactForm } from "../_components/contact-form";
import { updateContactAction } from "./actions";
import { Chatter } from "./_components/chatter";
import { parseId } from "@/lib/http/params";

export const metadata: Metadata = { title: "Contact" };

export default async function ContactPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/contacts/${id}`);
  const contactId = parseId(id);
  if (contactId === null) notFound();
  const contact = await getContact(user.companyId, contactId);
  if (!contact) notFound();
  const [entries, prices, service, country] = await Promise.all([listMessages(user.companyId, contact.id), loadPriceTable(), smsService(), companyCountry(user.companyId)]);
  const created = (await searchParams).created === "1";
  return (
    <>
      <PageHeader crumbs={[{ label: "Contacts", href: "/contacts" }, { label: contact.name }]} />
      <div className="grid gap-6 px-4 py-6 sm:px-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div>
          {created && (
            <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
              Contact created.
            </p>
          )}
          <ContactForm
            key={contact.updatedAt.toISOString()}
            action={updateContactAction}
            countries={countryOptions()}
            companyCountry={country}
            values={{
              id: contact.id,
              name: contact.name,
              email: contact.email ?? "",
              phone: contact.phone ?? "",
              mobile: contact.mobile ?? "",
              country: contact.country ?? "",
              street: contact.street ?? "",
              city: contact.city ?? "",
              zip: contact.zip ?? "",
            }}
            sms={{ prices, decimals: service.decimals, testMode: smsGateway().testMode, companyCountry: country }}
          />
        </div>
        <Chatter contactId={contact.id} entries={entries} />
      </div>
    </>
  );
}
