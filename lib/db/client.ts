import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env, requireDatabaseUrl } from "@/lib/env";
import { reportConnected, reportConnectionError } from "./availability";

// Prisma stores DateTime as `timestamp` (no time zone) holding UTC; node-pg
// would read those as local time in our hand-written queries. (Prisma's adapter
// passes its own parsers with each query, so this does not affect it.)
const TIMESTAMP_OID = 1114;
const utcTimestampTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID ? (value: string) => new Date(value.replace(" ", "T") + "Z") : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

// One pool per process, shared by Prisma (through its pg adapter) and by the
// credits engine's hand-written single-statement SQL. Kept on globalThis so
// Next's dev-mode module reloading doesn't open a new pool on every edit.
const globalForDb = globalThis as unknown as { pgPool?: pg.Pool; prisma?: PrismaClient };

/**
 * A pg.Pool that survives the database going away. node-pg emits 'error' on
 * an idle pool client, and on a checked-out client between queries, when the
 * server ends its connection (a restart: "terminating connection due to
 * administrator command"); an 'error' event nobody listens to kills the
 * process. Prisma's adapter listens only while Prisma is connected, so the
 * pool listens itself, for every client, for as long as it lives — and tells
 * lib/db/availability what it saw, so that pages answer 503 while the server
 * is down. A failed query or transaction still fails (and rolls back); only
 * the process survives.
 */
class ResilientPool extends pg.Pool {
  constructor(config: pg.PoolConfig) {
    super(config);
    this.on("error", (error) => {
      if (!reportConnectionError(error, "idle connection")) console.error("[db] idle connection error:", error.message);
    });
    this.on("connect", (client) => {
      reportConnected();
      client.on("error", (error) => {
        if (!reportConnectionError(error, "connection")) console.error("[db] connection error:", error.message);
      });
    });
  }

  // pool.query() goes through connect() too, so this sees every failed attempt to reach the server.
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  override connect(callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): Promise<pg.PoolClient> | void {
    if (callback) {
      return super.connect((error, client, done) => {
        if (error) reportConnectionError(error, "connect");
        callback(error, client, done);
      });
    }
    return super.connect().catch((error: unknown) => {
      reportConnectionError(error, "connect");
      throw error;
    });
  }
}

export function pool(): pg.Pool {
  globalForDb.pgPool ??= new ResilientPool({
    connectionString: requireDatabaseUrl(),
    max: env().DATABASE_POOL_SIZE,
    types: utcTimestampTypes,
    // now() written into a `timestamp` column is converted with the session's
    // time zone: pin it to UTC, whatever the server's default.
    options: "-c TimeZone=UTC",
    // An unreachable server (not one that refuses: that fails at once) fails
    // the request after 10 s instead of hanging it. (The same limit applies to
    // waiting for a free connection; that timeout is not taken for an outage.)
    connectionTimeoutMillis: 10_000,
  });
  return globalForDb.pgPool;
}

export function prisma(): PrismaClient {
  globalForDb.prisma ??= new PrismaClient({ adapter: new PrismaPg(pool()) });
  return globalForDb.prisma;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export async function disconnectDb() {
  await globalForDb.prisma?.$disconnect();
  await globalForDb.pgPool?.end();
  globalForDb.prisma = undefined;
  globalForDb.pgPool = undefined;
}
