// A database of its own for a test that needs an empty one (set-up of the
// first company, seeding): created and migrated on the test server, dropped
// afterwards. Its name contains "test", as the integration guard requires.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { migrate } from "@/lib/db/migrate";

export interface ThrowawayDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createThrowawayDatabase(prefix: string, baseUrl = process.env.DATABASE_URL): Promise<ThrowawayDatabase> {
  if (!baseUrl) throw new Error("createThrowawayDatabase needs DATABASE_URL (the test server)");
  const admin = new URL(baseUrl);
  admin.pathname = "/postgres";
  const name = `${prefix}_${randomUUID().slice(0, 8)}_test`.replace(/[^a-z0-9_]/g, "_");
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin.href });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  await migrate(url.href);
  return { url: url.href, drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

