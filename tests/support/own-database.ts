// A test file's own database, on the test server: for tests that run job
// runners, which work every job in their database and so must not see (or
// take) the jobs other test files queue in the shared one. Migrated like any
// (the app's schema and graphile-worker's), then DATABASE_URL points at it for
// this file's process.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { reloadEnv } from "@/lib/env";

export async function createTestDatabase(baseUrl: string, label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `iap_${label.replace(/\W/g, "_")}_${randomUUID().slice(0, 8)}_test`;
  const admin = new URL(baseUrl);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: admin.toString() });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
      await dropper.end();
    },
  };
}

/** Points this test file at a fresh migrated database for its lifetime. */
export function useOwnDatabase(label: string): () => string {
  const shared = process.env.DATABASE_URL!;
  let own: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  beforeAll(async () => {
    own = await createTestDatabase(shared, label);
    await disconnectDb();
    process.env.DATABASE_URL = own.url;
    reloadEnv();
  }, 60_000);
  afterAll(async () => {
    await disconnectDb();
    process.env.DATABASE_URL = shared;
    reloadEnv();
    await own?.drop();
  }, 60_000);
  return () => own!.url;
}
