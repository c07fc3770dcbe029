import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { companyCountry } from "@/lib/contacts/contacts";
import { countryOptions } from "@/lib/contacts/countries";
import { ContactForm } from "../_components/contact-form";
import { createContactAction } from "../actions";

export const metadata: Metadata = { title: "New contact" };

export default async function NewContactPage() {
  const user = await requireUser("/contacts/new");
  return (
    <>
      <PageHeader crumbs={[{ label: "Contacts", href: "/contacts" }, { label: "New" }]} />
      <div className="max-w-4xl px-4 py-6 sm:px-6">
        <ContactForm
          action={createContactAction}
          countries={countryOptions()}
          companyCountry={await companyCountry(user.companyId)}
          values={{ name: "", email: "", phone: "", mobile: "", country: "", street: "", city: "", zip: "" }}
        />
      </div>
    </>
  );
}
