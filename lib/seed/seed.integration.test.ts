// Start-up seeding as several instances run it: two launchers (or a launcher
// and `npm run db:seed`) starting at once on an empty database each seed it.
// Both must succeed, and the database must end as if it had been seeded once.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { useDatabaseInProcess } from "@/tests/support/database-in-process";
import { createThrowawayDatabase, type ThrowawayDatabase } from "@/tests/support/throwaway-database";
import { seedDatabase } from ".";
import { DEMO_ADMIN_EMAIL, DEMO_USER_EMAIL } from "./demo";

let restoreDatabase: (() => Promise<void>) | undefined;
let scratch: ThrowawayDatabase;
let db: pg.Pool;

beforeAll(async () => {
  scratch = await createThrowawayDatabase("seed_race");
  db = new pg.Pool({ connectionString: scratch.url, max: 2 });
  restoreDatabase = await useDatabaseInProcess(scratch.url);
}, 60_000);

afterAll(async () => {
  await db?.end();
  await restoreDatabase?.();
  await scratch?.drop();
});

const count = async (sql: string) => (await db.query(sql)).rows[0].n as number;

describe("seeding under concurrency", () => {
  it("three instances seeding an empty database at once all succeed; the demo is loaded exactly once", async () => {
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => seedDatabase(prisma(), { demo: true })));
    expect(outcomes.filter((o) => o.status === "rejected").map((o) => String((o as PromiseRejectedResult).reason))).toEqual([]);
    const loaded = outcomes.map((o) => (o as PromiseFulfilledResult<{ demoLoaded: boolean }>).value.demoLoaded);
    expect(loaded.filter(Boolean)).toHaveLength(1);
    expect((await db.query("SELECT email FROM app_user ORDER BY email")).rows.map((row) => row.email)).toEqual([DEMO_ADMIN_EMAIL, DEMO_USER_EMAIL]);
    expect(await count("SELECT count(*)::int AS n FROM company")).toBe(1);
    expect(await count("SELECT count(*)::int AS n FROM iap_account")).toBe(1);
    const services = await count("SELECT count(*)::int AS n FROM iap_service");
    expect(services).toBeGreaterThan(0);
    // Every service has its packs once (upserts that raced would have failed or doubled).
    expect(await count("SELECT count(*)::int AS n FROM (SELECT service_id, code FROM credit_pack GROUP BY 1, 2 HAVING count(*) > 1) d")).toBe(0);
  }, 240_000);

  it("a production instance and a demo instance starting together: catalogue once, demo once", async () => {
    const outcomes = await Promise.allSettled([seedDatabase(prisma(), { demo: false }), seedDatabase(prisma(), { demo: true })]);
    expect(outcomes.filter((o) => o.status === "rejected").map((o) => String((o as PromiseRejectedResult).reason))).toEqual([]);
    expect(await count("SELECT count(*)::int AS n FROM company")).toBe(1);
  }, 240_000);
});
