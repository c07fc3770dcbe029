// Starts the built app (`next build` output in .next/) the way `npm start`
// serves it — Next.js behind lib/http/serve-next.ts, in its own process — on a
// free port, against the database given. Used by the e2e harness (tests/run.ts)
// and by specs that need an app of their own (two instances, a database that
// goes away, a fresh database to compare before and after).
//   const app = await startAppServer({ databaseUrl, env: { TRUST_PROXY_HOPS: "1" } });
//   … fetch(`${app.url}/login`) …
//   await app.stop();
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { freePort } from "@/lib/db/embedded-postgres";

const root = path.resolve(import.meta.dirname, "..", "..");

export interface AppServer {
  url: string;
  port: number;
  process: ChildProcess;
  /** Everything the server printed so far. */
  log(): string;
  stop(): Promise<void>;
}

export interface AppServerOptions {
  databaseUrl: string;
  /** Extra or overriding environment variables. */
  env?: Record<string, string>;
  port?: number;
  timeoutMs?: number;
}

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const port = options.port ?? (await freePort());
  const url = `http://localhost:${port}`;
  const env: Record<string, string> = {
    DATABASE_URL: options.databaseUrl,
    PORT: String(port),
    APP_URL: url,
    NEXTAUTH_URL: options.env?.APP_URL ?? url,
    NEXTAUTH_SECRET: "e2e-test-secret-not-for-production",
    CRON_SECRET: "test-cron-secret",
    JOBS_INTERVAL_SECONDS: "0",
    DOCUMENT_WORKER_POLL_MS: "0",
    NEXT_TELEMETRY_DISABLED: "1",
    ...options.env,
  };
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "lib/cli/next-server.ts"), "start"], {
    cwd: root,
    env: { ...process.env, ...env } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const server: AppServer = {
    url,
    port,
    process: child,
    log: () => output.join(""),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app server exited with code ${child.exitCode}:\n${server.log()}`);
    try {
      const response = await fetch(`${url}/login`, { redirect: "manual" });
      if (response.status < 500) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await server.stop();
  throw new Error(`The app server did not answer at ${url} within ${(options.timeoutMs ?? 60_000) / 1000} s:\n${server.log()}`);
}
