// A real app server for tests that need one (several instances, a crash): the
// production build (`next build` output in .next/) served by `next start` on a
// free port, against the given database, with the given environment on top of
// safe test defaults. The database must be migrated (tests/support/own-database.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import path from "node:path";
import { freePort } from "@/lib/db/embedded-postgres";

const root = path.resolve(import.meta.dirname, "..", "..");

export interface AppServer {
  url: string;
  port: number;
  pid: number;
  /** Everything the server printed so far. */
  log(): string;
  /** Sends `signal` (SIGKILL: a crash, no clean-up) and resolves once the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** A clean stop (SIGTERM, then SIGKILL after 10 s). */
  stop(): Promise<void>;
}

export async function startAppServer(options: { databaseUrl: string; env?: Record<string, string>; port?: number }): Promise<AppServer> {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("No production build in .next/: run `npm run build` (npm test builds it first).");
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      APP_URL: url,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: "app-server-test-secret-not-for-production",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const exited = once(child, "exit");

  const kill = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await exited;
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app server exited with ${child.exitCode}:\n${output.join("").slice(-3000)}`);
    const answer = await fetch(`${url}/login`, { redirect: "manual" }).then((r) => r.status, () => 0);
    if (answer > 0 && answer < 500) break;
    if (Date.now() > deadline) {
      await kill("SIGKILL");
      throw new Error(`The app server did not answer within 60 s:\n${output.join("").slice(-3000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    port,
    pid: child.pid!,
    log: () => output.join(""),
    kill,
    async stop() {
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await kill("SIGTERM");
      clearTimeout(timer);
    },
  };
}
