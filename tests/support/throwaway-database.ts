// A database of its own for a test that needs an empty one (set-up of the
// first company, seeding): created on the test server — migrated, or left
// empty for the app's launcher to migrate as `npm start` does on a new
// database — and dropped afterwards. Its name contains "test", as the
// integration guard requires.
import { randomUUID } from "node:crypto";
import pg from "pg";

export interface ThrowawayDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createThrowawayDatabase(
  prefix: string,
  { migrated = true, baseUrl = process.env.DATABASE_URL }: { migrated?: boolean; baseUrl?: string } = {},
): Promise<ThrowawayDatabase> {
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
  if (migrated) {
    // Loaded only here: the migrations runner is server-side code, which a
    // Playwright spec (asking for an empty database) cannot load.
    const { migrate } = await import("@/lib/db/migrate");
    await migrate(url.href);
  }
  return { url: url.href, drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

