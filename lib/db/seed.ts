import "server-only";
import { PACK_CURRENCY, PACK_PRICES, PACK_TIERS } from "@/lib/billing/pack-catalogue";
import { hashPassword } from "@/lib/auth/password";
import { SERVICE_CATALOGUE, SERVICES } from "@/lib/iap/catalogue";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { seedDemoContacts } from "@/lib/contacts/demo-data";
import { seedCompanyDirectory } from "@/lib/enrichment/directory-seed";
import { seedSmsPrices } from "@/lib/sms/pricing";
import type { Db } from "./client";

export const DEMO_PASSWORD = "demo1234";
export const DEMO_ADMIN_EMAIL = "admin@example.com";
export const DEMO_USER_EMAIL = "user@example.com";

/** Services and packs: reference data every database needs. Upserted, so safe to run again. */
export async function seedCatalogue(db: Db) {
  for (const [index, service] of SERVICE_CATALOGUE.entries()) {
    const data = {
      name: service.name,
      description: service.description,
      unitName: service.unitName,
      decimals: service.decimals,
      trialCredits: BigInt(service.trialCredits) * 10n ** BigInt(service.decimals),
      sortOrder: index,
    };
    const saved = await db.iapService.upsert({
      where: { technicalName: service.technicalName },
      create: { technicalName: service.technicalName, ...data },
      update: data,
    });
    const prices = PACK_PRICES[service.technicalName];
    for (const [tierIndex, tier] of PACK_TIERS.entries()) {
      const pack = {
        name: tier.name,
        credits: BigInt(tier.credits) * 10n ** BigInt(service.decimals),
        price: prices[tierIndex],
        currency: PACK_CURRENCY,
        sortOrder: tierIndex,
      };
      await db.creditPack.upsert({
        where: { serviceId_code: { serviceId: saved.id, code: tier.code } },
        create: { serviceId: saved.id, code: tier.code, ...pack },
        update: pack,
      });
    }
  }
  await seedSmsPrices(db);
}

/**
 * Demo company and users, loaded once: skipped when the demo admin exists, so a
 * re-run never resets what someone changed while trying the app.
 */
export async function seedDemo(db: Db): Promise<boolean> {
  if (await db.user.findUnique({ where: { email: DEMO_ADMIN_EMAIL } })) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const company = await db.company.create({
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
  await db.user.createMany({
    data: [
      { companyId: company.id, email: DEMO_ADMIN_EMAIL, name: "Mitchell Admin", passwordHash, role: "ADMIN" },
      { companyId: company.id, email: DEMO_USER_EMAIL, name: "Marc Demo", passwordHash, role: "USER" },
    ],
  });
  // A newcomer finds a service under "View My Services" right away: the SMS
  // account exists with its free trial credits (the company is eligible).
  await getOrCreateAccount(company.id, SERVICES.sms);
  await seedDemoContacts(db, company.id, company.country);
  return true;
}

export async function seed(db: Db) {
  await seedCatalogue(db);
  await seedCompanyDirectory();
  const created = await seedDemo(db);
  return { demoCreated: created };
}
