import "server-only";
import pg from "pg";
import type { Db } from "@/lib/db/client";
import { requireDatabaseUrl } from "@/lib/env";
import { seedReferenceData } from "./catalogue";
import { seedDemo } from "./demo";

// Seeding sits above the domains it fills (iap, billing, sms, enrichment,
// contacts), so the data layer (lib/db) depends on none of them. Used by
// `npm run db:seed` and by the launcher of `npm run dev` / `npm start`.

// An arbitrary constant: the "seeding" advisory lock. Several instances start
// at once on one database (a rolling deploy, two replicas, `db:seed` beside a
// launcher): each seeds it, one after the other, so the catalogue upserts and
// the multi-row directory load never collide, and the second finds the work
// done. (The demo's own marker row keeps it loaded once even without the lock.)
const SEED_LOCK = 7_417_716;

/** Reference data always; the demo company and users only in demo mode (and only once). Safe to run from several processes at once. */
export async function seedDatabase(db: Db, options: { demo: boolean }): Promise<{ demoLoaded: boolean }> {
  // A connection of its own holds the session-level lock, so seeding's queries
  // can use the whole pool, whatever its size.
  const lock = new pg.Client({ connectionString: requireDatabaseUrl() });
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1::int, 0)", [SEED_LOCK]);
    await seedReferenceData(db);
    const demoLoaded = options.demo ? await seedDemo(db) : false;
    return { demoLoaded };
  } finally {
    // Closing the session releases the lock too, also when seeding failed.
    await lock.end();
  }
}
