// Gives a CLI command a migrated database: DATABASE_URL when set; otherwise the
// embedded PostgreSQL under DATA_DIR (started here, or shared when a running
// `npm run dev` already has it up).
import path from "node:path";
import { disconnectDb } from "../db/client";
import { startEmbeddedPostgres, type EmbeddedServer } from "../db/embedded-postgres";
import { migrate } from "../db/migrate";
import { reloadEnv, type ServerEnv } from "../env";

export const EMBEDDED_DATABASE = "iap";

export async function openDatabase(config: ServerEnv): Promise<{ url: string; server: EmbeddedServer | null; applied: string[] }> {
  let url = config.DATABASE_URL;
  let server: EmbeddedServer | null = null;
  if (!url) {
    server = await startEmbeddedPostgres({
      dataDir: path.resolve(config.DATA_DIR, "postgres"),
      port: config.EMBEDDED_POSTGRES_PORT,
      persistent: true,
    });
    await server.createDatabase(EMBEDDED_DATABASE);
    url = server.urlFor(EMBEDDED_DATABASE);
    process.env.DATABASE_URL = url;
    reloadEnv();
  }
  const applied = await migrate(url);
  return { url, server, applied };
}

/**
 * Runs a CLI command against a migrated database, then exits with the
 * command's status. The exit is explicit because embedded-postgres installs an
 * exit hook that would otherwise turn `process.exitCode = 2` into a 0.
 */
export async function withDatabase(config: ServerEnv, work: (db: { url: string; applied: string[] }) => Promise<void>): Promise<never> {
  let failed = false;
  const { url, server, applied } = await openDatabase(config);
  try {
    await work({ url, applied });
  } catch (error) {
    failed = true;
    console.error(error instanceof Error ? error.message : error);
  } finally {
    await disconnectDb();
    await server?.stop();
  }
  process.exit(failed ? 1 : Number(process.exitCode ?? 0));
}
