// A database of its own for a spec that must see every change (authorization
// matrix, fuzzing) or that starts app servers of its own: a throw-away database
// (throwaway-database.ts) on the test PostgreSQL server (the one DATABASE_URL
// points at), migrated and seeded the way `npm run dev` does (catalogue,
// company directory, and with DEMO=1 the demo company and its users), with a pool to look into it, dropped
// afterwards.
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { createThrowawayDatabase } from "./throwaway-database";

const root = path.resolve(import.meta.dirname, "..", "..");

export interface TestDatabase {
  url: string;
  pool: pg.Pool;
  drop(): Promise<void>;
}

function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    const output: string[] = [];
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited ${code}:\n${output.join("")}`))));
  });
}

/**
 * `serverUrl`: any database URL on the server to use (default: DATABASE_URL).
 * `seeded: false`: left empty, for a caller that starts an app server with
 * DEMO=1 on it before anything else: its launcher migrates and seeds it the
 * same way (a seed here first would be the same work twice, in a process of its own).
 */
export async function createTestDatabase(label: string, serverUrl = process.env.DATABASE_URL, { seeded = true } = {}): Promise<TestDatabase> {
  if (!serverUrl) throw new Error("DATABASE_URL is not set: run this through `npm test`, which starts a throw-away PostgreSQL.");
  const database = await createThrowawayDatabase(label, { migrated: false, baseUrl: serverUrl });
  // db:seed migrates first (lib/cli/database.ts). Through the CLI, not an import: the migrator
  // uses server-only modules, which load only under the react-server condition Playwright's workers lack.
  if (seeded) await run(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "lib/cli/db-seed.ts"], { DATABASE_URL: database.url, DEMO: "1" });
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  // A test that stops the server must not crash on the pool's idle connections.
  pool.on("error", () => {});
  return {
    url: database.url,
    pool,
    async drop() {
      await pool.end().catch(() => {});
      // The server may be gone already (a test that stopped it); it is thrown away with the run.
      await database.drop().catch(() => {});
    },
  };
}

/**
 * A fingerprint of every table's content (an order-independent hash of its
 * rows), to show that a refused request changed nothing anywhere.
 * `rate_limit` is left out: counting a refused attempt is what it is for. So is
 * an API key's `last_used_at`: any call made with a valid key is a use of it,
 * the refused ones too (written at most once a minute, whenever it falls due).
 */
const IGNORED_COLUMNS: Record<string, string[]> = { api_key: ["last_used_at"] };

/**
 * Hashing every row of every table before and after each of the matrix's and
 * the fuzz's thousand-odd calls was most of their time. PostgreSQL never
 * changes a row in place: an insert, update or delete leaves a row version
 * with a new address (ctid) or writing transaction (xmin), or removes one. So
 * a table whose visible row versions are the ones it had when its rows were
 * last hashed still holds the same rows, and that hash stands; only the
 * tables with a row version added or gone are hashed again. The versions of
 * every table are read in one cheap query (no row is serialised).
 */
const contentHashes = new WeakMap<pg.Pool, Map<string, { versions: string; content: string }>>();

async function tableNames(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('rate_limit', '_prisma_migrations') ORDER BY tablename",
  );
  return rows.map((row) => row.name);
}

async function contentHash(pool: pg.Pool, name: string): Promise<string> {
  const { rows } = await pool.query<{ sum: string | null; count: string }>(
    `SELECT md5(string_agg(r.row, '' ORDER BY r.row)) AS sum, count(*) AS count
       FROM (SELECT md5((to_jsonb(t) - $1::text[])::text) AS row FROM "${name}" t) r`,
    [IGNORED_COLUMNS[name] ?? []],
  );
  return `${rows[0].count}:${rows[0].sum ?? ""}`;
}

export async function databaseFingerprint(pool: pg.Pool): Promise<Map<string, string>> {
  const tables = await tableNames(pool);
  const { rows: versions } = await pool.query<{ name: string; versions: string }>(
    tables
      .map((name) => `SELECT '${name}' AS name, count(*) || ':' || coalesce(sum(hashtextextended(ctid::text || '/' || xmin::text, 0)::numeric), 0) AS versions FROM "${name}"`)
      .join(" UNION ALL "),
  );
  const known = contentHashes.get(pool) ?? new Map<string, { versions: string; content: string }>();
  contentHashes.set(pool, known);
  const sums = await Promise.all(
    versions.map(async ({ name, versions: now }) => {
      const cached = known.get(name);
      if (cached?.versions === now) return [name, cached.content] as const;
      const content = await contentHash(pool, name);
      known.set(name, { versions: now, content });
      return [name, content] as const;
    }),
  );
  return new Map(sums);
}

/** Tables whose content differs between two fingerprints. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((name) => before.get(name) !== after.get(name));
}
