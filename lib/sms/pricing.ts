import "server-only";
import type { Db } from "@/lib/db/client";
import { prisma } from "@/lib/db/client";
import { getService } from "@/lib/iap/accounts";
import { SMS_CARRIER_PRICES, creditsPerPartUnits } from "./price-data";
import type { PriceTable } from "./price";
import { SERVICES } from "@/lib/iap/catalogue";

/** The price table as stored (credits per part in units, as strings so it can go to the browser). */
export async function loadPriceTable(): Promise<PriceTable> {
  const rows = await prisma().smsPrice.findMany({ select: { country: true, creditsPerPart: true } });
  return Object.fromEntries(rows.map((row) => [row.country, row.creditsPerPart.toString()]));
}

/** Upserts lib/sms/price-data.ts into `sms_price` (seedCatalogue; run after the services exist). */
export async function seedSmsPrices(db: Db) {
  const service = await db.iapService.findUniqueOrThrow({ where: { technicalName: SERVICES.sms }, select: { decimals: true } });
  for (const price of SMS_CARRIER_PRICES) {
    const creditsPerPart = creditsPerPartUnits(price, service.decimals);
    await db.smsPrice.upsert({ where: { country: price.country }, create: { country: price.country, creditsPerPart }, update: { creditsPerPart } });
  }
}

export async function smsService() {
  return getService(SERVICES.sms);
}
