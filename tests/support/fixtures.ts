// Test data through the same Prisma client the app uses. Each test makes its
// own company, so tests run in parallel on one database without seeing each
// other (the ledger is append-only: there is no cleanup by deletion).
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { seedCatalogue } from "@/lib/seed/catalogue";

let catalogueReady: Promise<void> | undefined;

/** The services and packs, loaded once per process (upserts: safe in parallel files). */
export function ensureCatalogue(): Promise<void> {
  catalogueReady ??= seedCatalogue(prisma()).catch(async () => {
    // Two files upserting the same new row at once: one wins, the retry sees it.
    await seedCatalogue(prisma());
  });
  return catalogueReady;
}

export async function createCompany(overrides: { trialEligible?: boolean; country?: string; name?: string } = {}) {
  await ensureCatalogue();
  const suffix = randomUUID().slice(0, 8);
  const company = await prisma().company.create({
    data: {
      name: overrides.name ?? `Test Company ${suffix}`,
      country: overrides.country ?? "BE",
      currency: "EUR",
      trialEligible: overrides.trialEligible ?? false,
    },
  });
  // Without their (unset) language and time zone, the users also pass as a signed-in caller (SessionUser).
  const omit = { locale: true, timeZone: true } as const;
  const [admin, user] = await Promise.all([
    prisma().user.create({
      data: { companyId: company.id, email: `admin-${suffix}@test.example`, name: "Test Admin", passwordHash: "x", role: "ADMIN" },
      omit,
    }),
    prisma().user.create({
      data: { companyId: company.id, email: `user-${suffix}@test.example`, name: "Test User", passwordHash: "x", role: "USER" },
      omit,
    }),
  ]);
  return { company, admin, user };
}
