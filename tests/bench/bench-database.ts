// A benchmark's own throw-away PostgreSQL: an embedded server on a free port
// with its data under .data/<name>-<pid> (two runs at once never share one),
// one migrated database, DATABASE_URL pointing at it. stop() closes every pool
// first (the app's, and those opened with openPool/openClient), then the
// server, so no connection is cut under a live pool; a pool's idle connection
// that the server ends anyway is reported, never an unhandled 'error' event.
import path from "node:path";
import pg from "pg";
import { disconnectDb, pool as appPool, prisma } from "@/lib/db/client";
import { freePort, startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { reloadEnv } from "@/lib/env";

export interface BenchDatabase {
  url: string;
  dataDir: string;
  server: EmbeddedServer;
  /** Another migrated database on the same server. */
  createMigratedDatabase(name: string): Promise<string>;
  /** A pg pool that stop() closes, with its errors reported. */
  openPool(config: pg.PoolConfig): pg.Pool;
  /** A connected pg client that stop() closes, with its errors reported. */
  openClient(url?: string): Promise<pg.Client>;
  stop(): Promise<void>;
}

export interface BenchDatabaseOptions {
  /** fsync and synchronous_commit on, as in production (default: off, for speed). */
  durable?: boolean;
  /** Environment the app's code reads (e.g. DATABASE_POOL_SIZE), set before its pool opens. */
  env?: Record<string, string>;
}

export async function startBenchDatabase(name: string, options: BenchDatabaseOptions = {}): Promise<BenchDatabase> {
  const root = path.resolve(import.meta.dirname, "..", "..");
  const dataDir = path.join(root, ".data", `${name}-${process.pid}`);
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false, fast: !options.durable });
  let stopping = false;
  const report = (what: string) => (error: Error) => {
    // At shutdown the server says goodbye to connections a pool is closing: expected.
    if (!stopping) console.error(`${name}: ${what} lost a connection: ${error.message}`);
  };
  const pools = new Set<pg.Pool>();
  const clients = new Set<pg.Client>();

  const database: BenchDatabase = {
    url: "",
    dataDir,
    server,
    async createMigratedDatabase(database) {
      await server.createDatabase(database);
      const url = server.urlFor(database);
      await migrate(url);
      return url;
    },
    openPool(config) {
      const pool = new pg.Pool(config);
      pool.on("error", report("a pool"));
      pools.add(pool);
      return pool;
    },
    async openClient(url = database.url) {
      const client = new pg.Client({ connectionString: url });
      client.on("error", report("a client"));
      clients.add(client);
      await client.connect();
      return client;
    },
    async stop() {
      stopping = true;
      const closing = [disconnectDb(), ...[...pools].map((pool) => pool.end()), ...[...clients].map((client) => client.end())];
      for (const outcome of await Promise.allSettled(closing)) {
        if (outcome.status === "rejected") console.error(`${name}: closing a connection failed: ${(outcome.reason as Error).message}`);
      }
      await server.stop();
    },
  };

  try {
    database.url = await database.createMigratedDatabase(name.replace(/\W/g, "_"));
    Object.assign(process.env, options.env, { DATABASE_URL: database.url });
    reloadEnv();
    appPool().on("error", report("the app's pool"));
    return database;
  } catch (error) {
    await database.stop();
    throw error;
  }
}

/**
 * A benchmark's body on a database of its own with the service catalogue
 * loaded (what every credits benchmark starts from), stopped afterwards.
 */
export async function withCatalogueDatabase<T>(name: string, body: (database: BenchDatabase) => Promise<T>): Promise<T> {
  const database = await startBenchDatabase(name);
  try {
    // Loaded once DATABASE_URL points at the bench database.
    const { seedCatalogue } = await import("@/lib/seed/catalogue");
    await seedCatalogue(prisma());
    return await body(database);
  } finally {
    await database.stop();
  }
}

/** A company of its own (in `country`: its contacts' numbers are read as that country's) with a user and an SMS account holding `units`, granted through the ledger. */
export async function fundedSmsCompany(label: string, units: bigint, country: "BE" | "FR") {
  const { getOrCreateAccount } = await import("@/lib/iap/accounts");
  const { grant } = await import("@/lib/iap/ledger");
  const company = await prisma().company.create({ data: { name: `Bench ${label}`, country, currency: "EUR" } });
  const user = await prisma().user.create({ data: { companyId: company.id, email: `bench-${label}@example.com`, name: "Bench", passwordHash: "x" } });
  const account = await getOrCreateAccount(company.id, "sms");
  await grant(account, units, { kind: "ADJUSTMENT", description: "bench credits", idempotencyKey: `bench-${label}` });
  return { company, user, account };
}
