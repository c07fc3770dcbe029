import "server-only";
import type { Db } from "@/lib/db/client";
import { parsePhone } from "./phone";

// Demo contacts for the demo company: several countries, numbers typed the ways
// people type them (national, international, "00…", no "+"), a few without any
// number, a few that no country can make valid, and one number shared by two
// contacts (a company and its office manager) to show mass-SMS deduplication.
// Numbers are from ranges reserved for fiction or drama where countries have them.

type DemoContact = { name: string; email?: string; phone?: string; mobile?: string; country?: string; city?: string; isCompany?: boolean };

export const DEMO_CONTACTS: readonly DemoContact[] = [
  { name: "Camille Martin", email: "camille.martin@example.fr", mobile: "06 12 34 56 78", phone: "01 42 68 53 00", country: "FR", city: "Paris" },
  { name: "Hugo Bernard", email: "hugo.bernard@example.fr", mobile: "07 81 23 45 67", country: "FR", city: "Lyon" },
  { name: "Léa Dubois", email: "lea.dubois@example.fr", mobile: "+33 6 98 76 54 32", country: "FR", city: "Bordeaux" },
  { name: "Chloé Lefèvre", email: "chloe.lefevre@example.fr", phone: "04 91 55 12 34", country: "FR", city: "Marseille" },
  { name: "Maison Duval SARL", email: "contact@maison-duval.example", phone: "03 20 12 34 56", country: "FR", city: "Lille", isCompany: true },
  { name: "Lucas Petit", email: "lucas.petit@example.fr", mobile: "12345", country: "FR", city: "Nantes" },
  { name: "Sophie Peeters", email: "sophie.peeters@example.be", mobile: "0470 12 34 56", country: "BE", city: "Antwerp" },
  { name: "Thomas Janssens", email: "thomas.janssens@example.be", mobile: "0485 98 76 54", phone: "02 511 22 33", country: "BE", city: "Brussels" },
  { name: "Emma Maes", email: "emma.maes@example.be", mobile: "0032 477 11 22 33", country: "BE", city: "Ghent" },
  { name: "Atelier Verhoeven BV", email: "info@verhoeven.example", phone: "09 223 44 55", country: "BE", city: "Ghent", isCompany: true },
  { name: "Nathalie Dupont", email: "nathalie.dupont@example.be", country: "BE", city: "Liège" },
  { name: "Jonas Weber", email: "jonas.weber@example.de", mobile: "0123", country: "DE", city: "Berlin" },
  { name: "Lena Schmidt", email: "lena.schmidt@example.de", mobile: "01512 3456789", country: "DE", city: "Munich" },
  { name: "Felix Wagner", email: "felix.wagner@example.de", mobile: "+49 171 2345678", country: "DE", city: "Hamburg" },
  { name: "Müller & Söhne GmbH", email: "kontakt@mueller-soehne.example", phone: "030 12345678", country: "DE", city: "Berlin", isCompany: true },
  { name: "Olivia Johnson", email: "olivia.johnson@example.com", mobile: "(202) 555-0143", country: "US", city: "Washington" },
  { name: "Ethan Miller", email: "ethan.miller@example.com", mobile: "+1 415 555 0132", country: "US", city: "San Francisco" },
  { name: "Ava Davis", email: "ava.davis@example.com", phone: "1 312 555 0178", country: "US", city: "Chicago" },
  { name: "Noah Wilson", email: "noah.wilson@example.com", country: "US", city: "Austin" },
  { name: "Oliver Smith", email: "oliver.smith@example.co.uk", mobile: "07400 654321", country: "GB", city: "London" },
  { name: "Amelia Jones", email: "amelia.jones@example.co.uk", mobile: "+44 7400 123456", country: "GB", city: "Manchester" },
  { name: "Harry Taylor", email: "harry.taylor@example.co.uk", phone: "call after 5pm", country: "GB", city: "Leeds" },
  { name: "Lucía García", email: "lucia.garcia@example.es", mobile: "612 345 678", country: "ES", city: "Madrid" },
  { name: "Mateo Fernández", email: "mateo.fernandez@example.es", mobile: "+34 699 123 456", country: "ES", city: "Valencia" },
  { name: "Daan de Vries", email: "daan.devries@example.nl", mobile: "06 12345678", country: "NL", city: "Amsterdam" },
  { name: "Sanne Bakker", email: "sanne.bakker@example.nl", mobile: "0031 6 87654321", city: "Utrecht" },
  { name: "Giulia Rossi", email: "giulia.rossi@example.it", mobile: "312 345 6789", country: "IT", city: "Milan" },
  { name: "Marco Bianchi", email: "marco.bianchi@example.it", phone: "+39 06 1234 5678", country: "IT", city: "Rome" },
  { name: "Luca Meier", email: "luca.meier@example.ch", mobile: "078 123 45 67", country: "CH", city: "Zurich" },
  { name: "Anna Keller", email: "anna.keller@example.ch", mobile: "41 79 765 43 21", city: "Geneva" },
  { name: "William Tremblay", email: "william.tremblay@example.ca", mobile: "416 555 0199", country: "CA", city: "Toronto" },
  { name: "Charlotte Roy", email: "charlotte.roy@example.ca", country: "CA", city: "Montréal" },
  { name: "Jack Brown", email: "jack.brown@example.com.au", mobile: "0412 345 678", country: "AU", city: "Sydney" },
  { name: "Sakura Tanaka", email: "sakura.tanaka@example.jp", mobile: "+81 90 1234 5678", country: "JP", city: "Tokyo" },
  { name: "Orbit Logistics SA", email: "office@orbit-logistics.example", phone: "+32 2 555 12 12", country: "BE", city: "Brussels", isCompany: true },
  { name: "Pierre Lambert", email: "pierre.lambert@orbit-logistics.example", mobile: "+32 2 555 12 12", country: "BE", city: "Brussels" },
  { name: "Inès Moreau", email: "ines.moreau@example.fr", mobile: "+33 12", country: "FR", city: "Toulouse" },
  { name: "Ravi Sharma", email: "ravi.sharma@example.in", mobile: "98765 43210", country: "IN", city: "Bengaluru" },
];

/** Loads the demo contacts once for the demo company (seedDemo runs once per database). */
export async function seedDemoContacts(db: Db, companyId: number, companyCountry: string) {
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
