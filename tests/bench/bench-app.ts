// A benchmark's app server: the production build served on the benchmark's own
// database, stopped with it at the end. A failure prints the server's last
// lines first, where the reason usually is.
import { startAppServer, type AppServer, type AppServerOptions } from "@/tests/support/app-server";
import type { BenchDatabase } from "./bench-database";

export async function withBenchApp<T>(database: BenchDatabase, options: Omit<AppServerOptions, "databaseUrl">, body: (app: AppServer) => Promise<T>): Promise<T> {
  let app: AppServer | undefined;
  try {
    app = await startAppServer({ databaseUrl: database.url, ...options });
    return await body(app);
  } catch (error) {
    if (app) console.error(`App server output (last lines):\n${app.logs().trimEnd().split("\n").slice(-30).join("\n")}`);
    throw error;
  } finally {
    await app?.stop();
    await database.stop();
  }
}
