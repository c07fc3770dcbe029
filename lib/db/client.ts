import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env, requireDatabaseUrl } from "@/lib/env";

// One pool per process, shared by Prisma (through its pg adapter) and by the
// credits engine's hand-written single-statement SQL. Kept on globalThis so
// Next's dev-mode module reloading doesn't open a new pool on every edit.
const globalForDb = globalThis as unknown as { pgPool?: pg.Pool; prisma?: PrismaClient };

export function pool(): pg.Pool {
  globalForDb.pgPool ??= new pg.Pool({ connectionString: requireDatabaseUrl(), max: env().DATABASE_POOL_SIZE });
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
