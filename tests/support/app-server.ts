// The built app, served the way production serves it, for tests and benchmarks
// that need a real server: end-to-end runs, production-mode and HTTP API tests,
// crash and two-instance tests, fault tests.
//
//   const app = await startAppServer({ databaseUrl, env: { JOBS_INTERVAL_SECONDS: "5" } });
//   await fetch(`${app.url}/login`); … ; await app.stop();
//
// It starts `lib/cli/serve.ts start` (what `npm start` runs: migrate, seed,
// then serve .next/) with DATABASE_URL set, on a free port, in a process group
// of its own, and resolves once the app answers. stop() ends the whole group
// (launcher and Next.js) and deletes the server's DATA_DIR; kill(signal) is for
// crash tests. Servers still running when the process exits are killed.
// Before starting it waits for the production build: the one `npm test` is
// making, or (test run on its own) .next/ built here when missing or stale.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "@/lib/db/embedded-postgres";
import { appBuildReady } from "./app-build";

const root = path.resolve(import.meta.dirname, "..", "..");
const LOG_LIMIT = 2_000_000;

export interface AppServerOptions {
  /** A migrated or empty PostgreSQL database: the launcher migrates and seeds it. */
  databaseUrl: string;
  /** Extra environment (DEMO, SIGNUP, JOBS_INTERVAL_SECONDS, …); `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  port?: number;
  /** The path polled until it answers below 500. */
  readyPath?: string;
  /** How long start-up (migrations, seed, Next.js) may take. */
  startTimeoutMs?: number;
}

export interface AppServer {
  /** http://localhost:<port>, also the server's APP_URL and NEXTAUTH_URL. */
  url: string;
  port: number;
  /** The server's own DATA_DIR (a temp folder: the test post office and other files land here). */
  dataDir: string;
  /** The launcher process (leader of the server's process group). */
  child: ChildProcess;
  /** Everything the server printed so far. */
  logs(): string;
  /** Resolves with the launcher's exit code (or signal) once it has exited. */
  exited: Promise<number | NodeJS.Signals>;
  /** Ends the server (SIGTERM, then SIGKILL after 10 s), waits until none of its processes runs, removes its DATA_DIR. Safe to call twice. */
  stop(): Promise<void>;
  /** Sends a signal to the launcher and Next.js at once, e.g. SIGKILL for a crash. */
  kill(signal?: NodeJS.Signals): void;
}

const running = new Set<AppServer>();
process.once("exit", () => {
  for (const server of running) {
    server.kill("SIGKILL");
    rmSync(server.dataDir, { recursive: true, force: true });
  }
});

/** The server's own environment: the caller's, minus the test runner's own variables. */
function serverEnv(base: NodeJS.ProcessEnv, overrides: Record<string, string | undefined>): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(base)) if (!/^(VITEST|__VITEST|TEST_WORKER|PLAYWRIGHT)/.test(key)) env[key] = value;
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  await appBuildReady();
  const port = options.port ?? (await freePort());
  const url = `http://localhost:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "iap-app-server-"));
  const env = serverEnv(process.env, {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    APP_URL: url,
    NEXTAUTH_URL: url,
    NEXTAUTH_SECRET: "app-server-test-secret-not-for-production",
    // Scheduled jobs off unless a test asks: they would race its assertions.
    JOBS_INTERVAL_SECONDS: "0",
    DATA_DIR: dataDir,
    ...options.env,
    DATABASE_URL: options.databaseUrl,
  });

  const child = spawn(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", "lib/cli/serve.ts", "start"], {
    cwd: root,
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: stop() and kill() reach Next.js too, not only the launcher.
    detached: true,
  });
  let log = "";
  const keep = (chunk: Buffer) => {
    log += chunk.toString();
    if (log.length > LOG_LIMIT) log = log.slice(-LOG_LIMIT / 2);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | NodeJS.Signals>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? 0)));

  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  const groupAlive = () => {
    try {
      process.kill(-child.pid!, 0);
      return true;
    } catch {
      return false;
    }
  };
  let stopping: Promise<void> | undefined;
  const server: AppServer = {
    url,
    port,
    dataDir,
    child,
    exited,
    logs: () => log,
    kill: (signal = "SIGTERM") => signalGroup(signal),
    stop: () =>
      (stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          signalGroup("SIGTERM");
          const timer = setTimeout(() => signalGroup("SIGKILL"), 10_000);
          await exited;
          clearTimeout(timer);
        }
        // Next.js may outlive a launcher killed with SIGKILL: end the group,
        // and return only once none of it runs (its port is free again).
        signalGroup("SIGKILL");
        for (let waited = 0; groupAlive() && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
        running.delete(server);
        rmSync(dataDir, { recursive: true, force: true });
      })()),
  };
  running.add(server);

  try {
    await waitUntilAnswering(server, options.readyPath ?? "/login", options.startTimeoutMs ?? 120_000);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function waitUntilAnswering(server: AppServer, readyPath: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let exitedWith: number | NodeJS.Signals | undefined;
  void server.exited.then((code) => (exitedWith = code));
  while (Date.now() < deadline) {
    if (exitedWith !== undefined) {
      throw new Error(`The app server exited (${exitedWith}) before answering. Its output:\n${tail(server.logs())}`);
    }
    try {
      const response = await fetch(`${server.url}${readyPath}`, { redirect: "manual", signal: AbortSignal.timeout(10_000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The app did not answer at ${server.url}${readyPath} within ${timeoutMs / 1000} s. Its output:\n${tail(server.logs())}`);
}

function tail(text: string, lines = 60): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}
