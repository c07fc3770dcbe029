import "server-only";
import type pg from "pg";
import { pool as sharedPool } from "./client";

/**
 * Runs `work` in one transaction on one connection: committed when it
 * returns, rolled back when it throws (the error is re-thrown). The one place
 * that writes BEGIN/COMMIT/ROLLBACK for hand-written SQL; Prisma code uses
 * `prisma().$transaction` instead.
 *
 * By default a connection is taken from the app's pool and given back after;
 * one that cannot even roll back is dropped rather than reused. `pool` takes
 * it from another pool (benchmarks, tests); `client` runs on a connection the
 * caller holds and keeps (the migrations runner, which holds a lock on it).
 */
export async function withTransaction<T>(
  work: (client: pg.ClientBase) => Promise<T>,
  on: { pool?: pg.Pool; client?: pg.ClientBase } = {},
): Promise<T> {
  if (on.client) return inTransaction(on.client, work);
  const client = await (on.pool ?? sharedPool()).connect();
  let broken: Error | undefined;
  try {
    return await inTransaction(client, work, (rollbackError) => (broken = rollbackError));
  } finally {
    client.release(broken);
  }
}

async function inTransaction<T>(client: pg.ClientBase, work: (client: pg.ClientBase) => Promise<T>, onBrokenRollback?: (error: Error) => void): Promise<T> {
  await client.query("BEGIN");
  let result: T;
  try {
    result = await work(client);
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: Error) => onBrokenRollback?.(rollbackError));
    throw error;
  }
  await client.query("COMMIT");
  return result;
}
