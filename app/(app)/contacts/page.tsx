import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ButtonLink, buttonClasses } from "@/components/button";
import { ListPage } from "@/components/list-page";
import { requireUser } from "@/lib/auth/session";
import { companyCountry, listContacts } from "@/lib/contacts/contacts";
import { countryName } from "@/lib/contacts/countries";
import { contactListQuerySchema } from "@/lib/contacts/schemas";
import { smsGateway } from "@/lib/sms/gateways";
import { parsePhone } from "@/lib/contacts/phone";
import { smsService } from "@/lib/sms/pricing";
import { ContactsTable, type ContactListRow } from "./_components/contacts-table";
import { ContactSearch } from "./_components/contact-search";
import type { SearchParams } from "@/lib/http/search-params";
import { titleFrom } from "@/lib/i18n/page-title";
import { TextLink } from "@/components/text-link";

export const generateMetadata = titleFrom("contacts", "list.metaTitle");

export default async function ContactsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/contacts");
  const query = contactListQuerySchema.parse(await searchParams);
  const [list, country, service, t, locale] = await Promise.all([
    listContacts(user.companyId, query),
    companyCountry(user.companyId),
    smsService(),
    getTranslations("contacts.list"),
    getLocale(),
  ]);
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
    country: c.country ? countryName(c.country, locale) : null,
  }));
  const first = list.total === 0 ? 0 : (list.page - 1) * list.pageSize + 1;
  const last = Math.min(list.total, list.page * list.pageSize);
  const pageHref = (page: number) => `/contacts?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), page: String(page) })}`;

  return (
    <ListPage title={t("crumb")} action={<ButtonLink href="/contacts/new">{t("new")}</ButtonLink>} className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <ContactSearch q={query.q} />
        <nav aria-label={t("pagination")} className="flex items-center gap-2 text-sm text-gray-700">
          <span>
            {t("range", { first, last, total: list.total })}
          </span>
          {list.page > 1 ? (
            <Link href={pageHref(list.page - 1)} className={buttonClasses("secondary", "px-2.5 py-1.5")} aria-label={t("previous")}>
              ‹
            </Link>
          ) : (
            <span className={buttonClasses("secondary", "px-2.5 py-1.5 opacity-40")} aria-hidden>
              ‹
            </span>
          )}
          {list.page < list.pages ? (
            <Link href={pageHref(list.page + 1)} className={buttonClasses("secondary", "px-2.5 py-1.5")} aria-label={t("next")}>
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
          {query.q ? t("noMatch", { q: query.q }) : t("none")}{" "}
          <TextLink href="/contacts/new">
            {t("createOne")}
          </TextLink>
        </p>
      ) : (
        <ContactsTable key={`${query.q}:${list.page}`} rows={rows} total={list.total} q={query.q} decimals={service.decimals} testMode={smsGateway().testMode} />
      )}
    </ListPage>
  );
}
