import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env, requireDatabaseUrl } from "@/lib/env";

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

export function pool(): pg.Pool {
  globalForDb.pgPool ??= new pg.Pool({
    connectionString: requireDatabaseUrl(),
    max: env().DATABASE_POOL_SIZE,
    types: utcTimestampTypes,
    // now() written into a `timestamp` column is converted with the session's
    // time zone: pin it to UTC, whatever the server's default.
    options: "-c TimeZone=UTC",
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
