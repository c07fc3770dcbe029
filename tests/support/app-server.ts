// The built app served the way `npm start` serves it, on a database of the
// test's choosing, for end-to-end tests that need a server of their own (an
// empty database, DEMO off, SIGNUP=open…):
//
//   const app = await startAppServer({ databaseUrl, env: { SIGNUP: "open" } });
//   await page.goto(`${app.url}/setup`); … ; await app.stop();
//
// It runs the launcher (lib/cli/serve.ts start: migrate, seed, then `next
// start` on .next/, which must be built) on a free port, in a process group of
// its own, and resolves once the app answers. Minimal on purpose: the
// `freshclone` branch owns the full version of this file, with the same shape.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "@/lib/db/embedded-postgres";

const root = path.resolve(import.meta.dirname, "..", "..");

export interface AppServerOptions {
  databaseUrl: string;
  /** Extra environment (DEMO, SIGNUP, SMTP_URL, …); `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  startTimeoutMs?: number;
}

export interface AppServer {
  /** http://localhost:<port>, also the server's APP_URL and NEXTAUTH_URL. */
  url: string;
  /** Everything the server printed so far. */
  logs(): string;
  /** Ends the launcher and Next.js, and removes the server's DATA_DIR. */
  stop(): Promise<void>;
}

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "iap-app-server-"));
  const env: Record<string, string | undefined> = {
    ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|TEST_WORKER|PLAYWRIGHT|E2E_)/.test(key))),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    APP_URL: url,
    NEXTAUTH_URL: url,
    JOBS_INTERVAL_SECONDS: "0",
    DATA_DIR: dataDir,
    ...options.env,
    DATABASE_URL: options.databaseUrl,
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];

  const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "lib/cli/serve.ts", "start"], {
    cwd: root,
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group: stop() reaches Next.js too
  });
  let log = "";
  child.stdout.on("data", (chunk: Buffer) => (log += chunk));
  child.stderr.on("data", (chunk: Buffer) => (log += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      signalGroup("SIGTERM");
      const timer = setTimeout(() => signalGroup("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    signalGroup("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The app server exited (${child.exitCode}) before answering:\n${log.split("\n").slice(-40).join("\n")}`);
    }
    const answered = await fetch(`${url}/login`, { redirect: "manual", signal: AbortSignal.timeout(10_000) }).then(
      (response) => response.status < 500,
      () => false,
    );
    if (answered) return { url, logs: () => log, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`The app did not answer at ${url}/login in time:\n${log.split("\n").slice(-40).join("\n")}`);
}
