import "server-only";
import { PACK_CURRENCY, PACK_PRICES, PACK_TIERS } from "@/lib/billing/pack-catalogue";
import type { Db } from "@/lib/db/client";
import { seedCompanyDirectory } from "@/lib/enrichment/directory-seed";
import { SERVICE_CATALOGUE, type ServiceName } from "@/lib/iap/catalogue";
import { seedSmsPrices } from "@/lib/sms/pricing";

/** Services, packs and SMS prices: reference data every database needs. Upserted, so safe to run again. */
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
    const prices = PACK_PRICES[service.technicalName as ServiceName];
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

/** The catalogue and the embedded company directory (Partner Autocomplete, Lead Generation). */
export async function seedReferenceData(db: Db) {
  await seedCatalogue(db);
  await seedCompanyDirectory();
}
