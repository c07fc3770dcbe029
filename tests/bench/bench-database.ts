// A benchmark's own throw-away PostgreSQL: embedded server on a free port,
// one migrated database, DATABASE_URL pointing at it. Call stop() in `finally`.
import path from "node:path";
import { freePort, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { reloadEnv } from "@/lib/env";

export async function startBenchDatabase(name: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const root = path.resolve(import.meta.dirname, "..", "..");
  const server = await startEmbeddedPostgres({ dataDir: path.join(root, ".data", `${name}-${process.pid}`), port: await freePort(), persistent: false, fast: true });
  try {
    const database = name.replace(/\W/g, "_");
    await server.createDatabase(database);
    const url = server.urlFor(database);
    await migrate(url);
    process.env.DATABASE_URL = url;
    reloadEnv();
    return { url, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
