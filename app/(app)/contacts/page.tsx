import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/button";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { companyCountry, listContacts } from "@/lib/contacts/contacts";
import { countryName } from "@/lib/contacts/countries";
import { contactListQuerySchema } from "@/lib/contacts/schemas";
import { smsGateway } from "@/lib/sms/gateways";
import { parsePhone } from "@/lib/contacts/phone";
import { smsService } from "@/lib/sms/pricing";
import { ContactsTable, type ContactListRow } from "./_components/contacts-table";

export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("/contacts");
  const query = contactListQuerySchema.parse(await searchParams);
  const [list, country, service] = await Promise.all([listContacts(user.companyId, query), companyCountry(user.companyId), smsService()]);
  const number = (raw: string | null, contactCountry: string | null) => {
    if (!raw) return null;
    const parsed = parsePhone(raw, { contact: contactCountry, company: country });
    return { text: parsed?.international ?? raw, valid: Boolean(parsed) };
  };
  const rows: ContactListRow[] = list.rows.map((c) => ({
    id: c.id,
    name: c.name,
    email: c.email,
    phone: number(c.phone, c.country),
    mobile: number(c.mobile, c.country),
    country: c.country ? countryName(c.country) : null,
  }));
  const first = list.total === 0 ? 0 : (list.page - 1) * list.pageSize + 1;
  const last = Math.min(list.total, list.page * list.pageSize);
  const pageHref = (page: number) => `/contacts?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), page: String(page) })}`;

  return (
    <>
      <PageHeader
        crumbs={[{ label: "Contacts" }]}
        actions={
          <Link href="/contacts/new" className={buttonClasses("primary")}>
            New
          </Link>
        }
      />
      <div className="space-y-4 px-4 py-5 sm:px-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <form role="search" action="/contacts" className="flex w-full max-w-md gap-2">
            <label htmlFor="contact-search" className="sr-only">
              Search contacts
            </label>
            <input
              id="contact-search"
              name="q"
              type="search"
              defaultValue={query.q}
              placeholder="Search name, e-mail or number…"
              className="block w-full rounded-md border border-gray-300 px-3 py-2 text-sm shadow-xs focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
            />
            <button type="submit" className={buttonClasses("secondary")}>
              Search
            </button>
          </form>
          <nav aria-label="Pagination" className="flex items-center gap-2 text-sm text-gray-700">
            <span>
              {first}–{last} of {list.total}
            </span>
            {list.page > 1 ? (
              <Link href={pageHref(list.page - 1)} className={buttonClasses("secondary", "px-2.5 py-1.5")} aria-label="Previous page">
                ‹
              </Link>
            ) : (
              <span className={buttonClasses("secondary", "px-2.5 py-1.5 opacity-40")} aria-hidden>
                ‹
              </span>
            )}
            {list.page < list.pages ? (
              <Link href={pageHref(list.page + 1)} className={buttonClasses("secondary", "px-2.5 py-1.5")} aria-label="Next page">
                ›
              </Link>
            ) : (
              <span className={buttonClasses("secondary", "px-2.5 py-1.5 opacity-40")} aria-hidden>
                ›
              </span>
            )}
          </nav>
        </div>
        {list.total === 0 ? (
          <p className="rounded-lg border border-dashed border-gray-300 bg-white px-6 py-10 text-center text-gray-600">
            {query.q ? `No contact matches "${query.q}".` : "No contacts yet."}{" "}
            <Link href="/contacts/new" className="text-brand-600 underline">
              Create one
            </Link>
          </p>
        ) : (
          <ContactsTable key={`${query.q}:${list.page}`} rows={rows} total={list.total} q={query.q} decimals={service.decimals} testMode={smsGateway().testMode} />
        )}
      </div>
    </>
  );
}
