// Serves the built app (`next build` output in .next/) with `next start` on a
// free port, on a given database and environment: for tests that talk to the
// app over HTTP the way an integration or a browser does. `npm test` builds
// the app before it runs them (the "http" suite).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { freePort } from "@/lib/db/embedded-postgres";

const root = path.resolve(import.meta.dirname, "..", "..");

export interface AppServer {
  url: string;
  port: number;
  /** The `next start` process (benchmarks read its CPU time). */
  pid: number;
  /** Everything the server printed, for a failing test's message. */
  log(): string;
  stop(): Promise<void>;
}

export async function startAppServer({ databaseUrl, env = {}, timeoutMs = 60_000 }: { databaseUrl: string; env?: Record<string, string>; timeoutMs?: number }): Promise<AppServer> {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("No production build in .next/: run `npm run build` first (npm test does it before the http suite).");
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [
    path.join(root, "node_modules/next/dist/bin/next"),
    "start",
    "-p",
    String(port),
    "-H",
    "127.0.0.1",
    // Keep idle connections open longer than fetch (undici) keeps them, so the
    // client always closes first: a server closing an idle socket just as a slow
    // test reuses it shows up as ECONNRESET.
    "--keepAliveTimeout",
    "65000",
  ], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      APP_URL: url,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: "app-server-test-secret-not-for-production",
      JOBS_INTERVAL_SECONDS: "0",
      DOCUMENT_WORKER_POLL_MS: "0",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(killer);
    }
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}:\n${output.join("")}`);
    try {
      // Any answer means it listens; the login page also warms the server up.
      const response = await fetch(`${url}/login`, { redirect: "manual" });
      if (response.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The app did not answer at ${url} within ${timeoutMs / 1000} s:\n${output.join("")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, port, pid: child.pid!, log: () => output.join(""), stop };
}
