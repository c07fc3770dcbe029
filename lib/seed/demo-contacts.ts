import "server-only";
import type { Tx } from "@/lib/db/client";
import { parsePhone } from "@/lib/contacts/phone";
import contacts from "./data/demo-contacts.json";

// Demo contacts for the demo company: several countries, numbers typed the ways
// people type them (national, international, "00…", no "+"), a few without any
// number, a few that no country can make valid, and one number shared by two
// contacts (a company and its office manager) to show mass-SMS deduplication.
// Numbers are from ranges reserved for fiction or drama where countries have them.
// The records are data, in data/demo-contacts.json.

type DemoContact = { name: string; email?: string; phone?: string; mobile?: string; country?: string; city?: string; isCompany?: boolean };

export const DEMO_CONTACTS: readonly DemoContact[] = contacts;

/** Loads the demo contacts once for the demo company (seedDemo runs once per database). */
export async function seedDemoContacts(db: Pick<Tx, "contact">, companyId: number, companyCountry: string) {
  // Saved the way the contact form saves them: international format when valid.
  const format = (raw: string | undefined, country: string | undefined) =>
    raw ? (parsePhone(raw, { contact: country, company: companyCountry })?.international ?? raw) : null;
  await db.contact.createMany({
    data: DEMO_CONTACTS.map((c) => ({
      companyId,
      name: c.name,
      email: c.email ?? null,
      phone: format(c.phone, c.country),
      mobile: format(c.mobile, c.country),
      country: c.country ?? null,
      city: c.city ?? null,
      isCompany: c.isCompany ?? false,
    })),
  });
}
