import "server-only";
import type { Db } from "@/lib/db/client";
import { seedReferenceData } from "./catalogue";
import { seedDemo } from "./demo";

// Seeding sits above the domains it fills (iap, billing, sms, enrichment,
// contacts), so the data layer (lib/db) depends on none of them. Used by
// `npm run db:seed` and by the launcher of `npm run dev` / `npm start`.

/** Reference data always; the demo company and users only in demo mode (and only once). */
export async function seedDatabase(db: Db, options: { demo: boolean }): Promise<{ demoLoaded: boolean }> {
  await seedReferenceData(db);
  const demoLoaded = options.demo ? await seedDemo(db) : false;
  return { demoLoaded };
}
