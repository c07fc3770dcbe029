// Credit packs and their prices per service: data, seeded by `npm run db:seed`
// and read by the Buy Credits page from the database (never from here).
// Prices are in the currency's minor unit (cents).
import type { ServiceName } from "@/lib/iap/catalogue";

export const PACK_TIERS = [
  { code: "starter", name: "Starter Pack", credits: 10 },
  { code: "standard", name: "Standard Pack", credits: 100 },
  { code: "advanced", name: "Advanced Pack", credits: 500 },
  { code: "expert", name: "Expert Pack", credits: 1000 },
] as const;

export const PACK_CURRENCY = "EUR";

/** Price in cents for [starter, standard, advanced, expert] — bigger packs cost less per credit. */
export const PACK_PRICES: Record<ServiceName, readonly [number, number, number, number]> = {
  sms: [150, 1200, 5000, 9000],
  invoice_ocr: [200, 1500, 6500, 12000],
  partner_autocomplete: [100, 800, 3500, 6000],
  reveal: [250, 2000, 9000, 16000],
  snailmail: [1200, 11000, 52500, 100000],
  itsme_proxy: [300, 2500, 11500, 22000],
};
