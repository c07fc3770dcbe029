// The production build (`next build` into .next/) that end-to-end tests,
// app-server tests and benchmarks serve, built at most once per change:
// - a fingerprint of the sources (path, size and mtime of every file the build
//   reads) is written beside the build; a build whose fingerprint matches is
//   reused, anything else is rebuilt;
// - building holds a lock file (proper-lockfile: stale locks of killed runs are
//   taken over), so two benchmarks or a test file and `npm test` started at
//   once build once and never write .next/ under each other;
// - `npm test` builds while Vitest runs and announces the outcome through
//   APP_BUILD_STATUS_FILE; a test that needs the app waits for that outcome
//   instead of building itself.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import lockfile from "proper-lockfile";

const root = path.resolve(import.meta.dirname, "..", "..");
const buildDir = path.join(root, ".next");
const fingerprintFile = path.join(buildDir, "source-fingerprint");
const lockPath = path.join(root, "node_modules", ".cache", "next-build.lock");
export const BUILD_STATUS_ENV = "APP_BUILD_STATUS_FILE";

// Folders and files (at the top) that `next build` does not read: tests and
// their configuration, docs, migrations (read at run time), data and outputs.
const NOT_BUILD_INPUTS = new Set([
  ...[".git", ".next", ".data", ".ci", "node_modules", "test-results", "playwright-report", "coverage", "docs", "tests", "prisma"],
  ...["vitest.config.ts", "playwright.config.ts", "prisma.config.ts", "vercel.json", ".gitignore"],
]);
// next-env.d.ts and *.tsbuildinfo are written by the build itself.
const isBuildInput = (name: string) => !/\.(md|tsbuildinfo)$|\.test\.tsx?$|^next-env\.d\.ts$/.test(name);

/** Changes whenever a file the build reads is added, removed or modified (package-lock.json stands for node_modules). */
export function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (dir === root && NOT_BUILD_INPUTS.has(entry.name)) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && isBuildInput(entry.name)) {
        const { size, mtimeMs } = statSync(full);
        hash.update(`${path.relative(root, full)}\0${size}\0${mtimeMs}\n`);
      }
    }
  };
  walk(root);
  return hash.digest("hex");
}

export function isBuildCurrent(fingerprint = sourceFingerprint()): boolean {
  return existsSync(path.join(buildDir, "BUILD_ID")) && existsSync(fingerprintFile) && readFileSync(fingerprintFile, "utf8").trim() === fingerprint;
}

export interface BuildOutcome {
  ok: boolean;
  /** False when a current build was reused. */
  built: boolean;
  seconds: number;
}

export interface BuildOptions {
  /** Where `next build`'s output goes (default: this process's stdout/stderr). */
  output?: (chunk: string, stream: "stdout" | "stderr") => void;
  /** Called with the child so a runner can stop it on Ctrl-C. */
  onSpawn?: (child: import("node:child_process").ChildProcess) => void;
}

/** Builds .next/ unless it is current; safe to call from several processes at once. */
export async function ensureAppBuild(options: BuildOptions = {}): Promise<BuildOutcome> {
  const started = Date.now();
  if (isBuildCurrent()) return { ok: true, built: false, seconds: 0 };
  mkdirSync(path.dirname(lockPath), { recursive: true });
  const release = await lockfile.lock(root, {
    lockfilePath: lockPath,
    realpath: false,
    stale: 60_000,
    update: 10_000,
    // Another process may be building: wait for it (a build takes 15 s to a few minutes here).
    retries: { retries: 900, factor: 1, minTimeout: 1_000, maxTimeout: 1_000 },
  });
  try {
    // What the lock's previous holder built may be exactly this.
    const fingerprint = sourceFingerprint();
    if (isBuildCurrent(fingerprint)) return { ok: true, built: false, seconds: (Date.now() - started) / 1000 };
    const ok = await runNextBuild(options);
    if (ok) writeFileSync(fingerprintFile, fingerprint + "\n");
    return { ok, built: true, seconds: (Date.now() - started) / 1000 };
  } finally {
    await release();
  }
}

function runNextBuild(options: BuildOptions): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
      cwd: root,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    options.onSpawn?.(child);
    const write = options.output ?? ((chunk, stream) => (stream === "stdout" ? process.stdout : process.stderr).write(chunk));
    child.stdout.on("data", (chunk: Buffer) => write(chunk.toString(), "stdout"));
    child.stderr.on("data", (chunk: Buffer) => write(chunk.toString(), "stderr"));
    child.on("error", () => resolve(false));
    child.on("exit", (code) => resolve(code === 0));
  });
}

type BuildStatus = { state: "building" } | { state: "done"; ok: boolean };

/** For a runner that builds while tests run: where it announces the outcome (pass the path in BUILD_STATUS_ENV). */
export function announceBuild(file: string, status: BuildStatus) {
  // Written aside, then renamed: a reader never sees half of it.
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(status));
  renameSync(`${file}.${process.pid}.tmp`, file);
}

/**
 * The build a test can serve: the one `npm test` is making (waited for), or,
 * when the test runs on its own, .next/ built here if missing or stale.
 */
export async function appBuildReady(timeoutMs = 15 * 60_000): Promise<void> {
  const statusFile = process.env[BUILD_STATUS_ENV];
  if (!statusFile) {
    const outcome = await ensureAppBuild();
    if (!outcome.ok) throw new Error("next build failed (its output is above): fix the build, then run the test again.");
    return;
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!existsSync(statusFile)) throw new Error(`${BUILD_STATUS_ENV} names ${statusFile}, which does not exist: the runner that builds the app is gone.`);
    const status = JSON.parse(readFileSync(statusFile, "utf8")) as BuildStatus;
    if (status.state === "done") {
      if (status.ok) return;
      throw new Error("next build failed in this `npm test` run (see its [build] lines): the app cannot be served.");
    }
    if (Date.now() > deadline) throw new Error(`The runner's next build did not finish within ${timeoutMs / 60_000} minutes.`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
