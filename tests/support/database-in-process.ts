// For integration tests (Vitest, react-server conditions) that call lib code on
// a database of their own: Playwright specs use throwaway-database.ts alone,
// which never loads the app's server-only modules.
import { disconnectDb } from "@/lib/db/client";
import { reloadEnv } from "@/lib/env";

/**
 * Points this process's own database client (prisma(), pool(), env()) at
 * `url`, for tests that call lib code on a throw-away database. Returns the
 * function that points it back where it was.
 */
export async function useDatabaseInProcess(url: string): Promise<() => Promise<void>> {
  const outer = process.env.DATABASE_URL;
  await disconnectDb();
  process.env.DATABASE_URL = url;
  reloadEnv();
  return async () => {
    await disconnectDb();
    process.env.DATABASE_URL = outer;
    reloadEnv();
  };
}
