import "server-only";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { seedDemoContacts } from "./demo-contacts";

export const DEMO_PASSWORD = "demo1234";
export const DEMO_ADMIN_EMAIL = "admin@example.com";
export const DEMO_USER_EMAIL = "user@example.com";
/** The seed_marker row that records that this database got the demo. */
export const DEMO_MARKER = "demo";

/**
 * The demo company, its two users and its contacts, loaded once per database:
 * the marker row is claimed in the same transaction that creates them, so a
 * re-run — or two launchers starting at once — never loads the demo twice, and
 * deleting the demo admin never brings it back. Returns false when the demo
 * was loaded before.
 */
export async function seedDemo(db: Db): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const companyId = await db.$transaction(async (tx) => {
    const claimed = await tx.$executeRaw`INSERT INTO seed_marker (name) VALUES (${DEMO_MARKER}) ON CONFLICT (name) DO NOTHING`;
    if (claimed === 0) return null;
    const company = await tx.company.create({
      data: {
        name: "Demo Company SA",
        country: "BE",
        currency: "EUR",
        trialEligible: true,
        street: "Rue de la Loi 16",
        city: "Brussels",
        zip: "1000",
        email: "info@demo-company.example",
      },
    });
    await tx.user.createMany({
      data: [
        { companyId: company.id, email: DEMO_ADMIN_EMAIL, name: "Mitchell Admin", passwordHash, role: "ADMIN" },
        { companyId: company.id, email: DEMO_USER_EMAIL, name: "Marc Demo", passwordHash, role: "USER" },
      ],
    });
    await seedDemoContacts(tx, company.id, company.country);
    return company.id;
  });
  if (companyId === null) return false;
  // A newcomer finds a service under "View My Services" right away: the SMS
  // account exists with its free trial credits (the company is eligible).
  // Through lib/iap, after the commit: opening an account is its own transaction.
  await getOrCreateAccount(companyId, "sms");
  return true;
}
