// npm test — every test, against real parts, sharing one throw-away PostgreSQL:
//   1. pick the Chromium (tests/support/chromium.ts) and print which; start an
//      embedded PostgreSQL cluster (fresh, deleted afterwards) with two
//      databases: one for integration tests (migrated here), one for the e2e app;
//   2. run Vitest (unit + integration) while `next build` builds the app (skipped
//      when .next/ is current: tests/support/app-build.ts);
//   3. as soon as the build is ready, serve it as `npm start` does
//      (tests/support/app-server.ts) and run Playwright in Chromium, alongside
//      Vitest if it is still running;
//   4. once Vitest is done (Playwright may still be running), the system tests
//      (tests/system: several app servers of the build on databases of their
//      own: crash and restart, two instances);
//   5. print one closing line "N passed, N failed, N skipped" and exit non-zero
//      on any failure.
// Options: --only unit|integration|e2e|system (repeatable), extra args after -- go to
// the runners, e.g. `npm test -- --only integration -- lib/iap`.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { announceBuild, BUILD_STATUS_ENV, ensureAppBuild } from "./support/app-build";
import { startAppServer, type AppServer } from "./support/app-server";
import { describeChromium, resolveChromium } from "./support/chromium";

type Suite = "unit" | "integration" | "e2e" | "system";
interface Tally { passed: number; failed: number; skipped: number; note?: string }

const root = path.resolve(import.meta.dirname, "..");
const resultsDir = path.join(root, "test-results");
const argv = process.argv.slice(2);
const separator = argv.indexOf("--");
const ownArgs = separator >= 0 ? argv.slice(0, separator) : argv;
const passThrough = separator >= 0 ? argv.slice(separator + 1) : [];
const only = ownArgs.flatMap((arg, i) => (ownArgs[i - 1] === "--only" ? [arg as Suite] : []));
const wants = (suite: Suite) => only.length === 0 || only.includes(suite);

const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const children = new Set<ChildProcess>();

const prefixed = (label: string, text: string) =>
  text.split(/(?<=\n)/).map((line) => (line.trim() ? `[${label}] ${line}` : line)).join("");

function run(command: string, args: string[], env: Record<string, string | undefined>, label: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env } as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    child.stdout!.on("data", (chunk: Buffer) => process.stdout.write(prefixed(label, chunk.toString())));
    child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(prefixed(label, chunk.toString())));
    child.on("exit", (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  mkdirSync(resultsDir, { recursive: true });
  const tallies: Record<string, Tally> = {};
  // When each phase ran, in seconds since the start: where a run's wall clock went, for whoever makes it shorter.
  const phases: Record<string, { from: number; to?: number }> = {};
  const since = () => (Date.now() - started) / 1000;
  const timed = <T,>(name: string, work: () => Promise<T>): Promise<T> => {
    phases[name] = { from: since() };
    return work().finally(() => (phases[name].to = since()));
  };
  const needsDb = wants("integration") || wants("e2e") || wants("system");
  let chromiumProblem: string | undefined;
  if (needsDb) {
    // Once, here: workers inherit the choice (and never unpack the npm build again).
    try {
      console.log(`▸ Browser: ${describeChromium(resolveChromium())}`);
    } catch (error) {
      chromiumProblem = (error as Error).message;
      console.error(`▸ ${chromiumProblem}`);
    }
  }

  // Not under test-results/: Playwright empties that folder when it starts.
  const buildStatus = path.join(tmpdir(), `iap-app-build-${process.pid}.json`);
  const pg = needsDb
    ? await startEmbeddedPostgres({ dataDir: path.join(root, ".data", `test-${process.pid}`), port: await freePort(), persistent: false, fast: true })
    : null;
  try {
    const integrationUrl = pg?.urlFor("iap_integration_test");
    const e2eUrl = pg?.urlFor("iap_e2e_test");
    // The system tests make their own databases on this server; this one is where they start from.
    const systemUrl = pg?.urlFor("iap_system_test");
    if (pg) {
      await Promise.all([pg.createDatabase("iap_integration_test"), pg.createDatabase("iap_e2e_test"), pg.createDatabase("iap_system_test")]);
      // The e2e database is migrated and seeded by the app's own launcher.
      await migrate(integrationUrl!);
      console.log(`▸ PostgreSQL ready with the test databases in ${Date.now() - started} ms`);
    }

    // Integration tests that serve the app wait for this build instead of making their own.
    const needsBuild = wants("e2e") || wants("system");
    if (needsBuild) {
      announceBuild(buildStatus, { state: "building" });
      process.env[BUILD_STATUS_ENV] = buildStatus;
    }

    // "app": integration tests that serve the built app, run after the rest (vitest.config.ts).
    const projects = (["unit", "integration"] as const).filter(wants).flatMap((p) => (p === "integration" ? ["integration", "app"] : [p]));
    const vitestJson = path.join(resultsDir, "vitest.json");
    rmSync(vitestJson, { force: true });
    const vitest = projects.length
      ? timed("vitest", () =>
          run(
            bin("vitest"),
            ["run", ...projects.flatMap((p) => ["--project", p]), "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`, ...passThrough],
            // DEMO is off, as in production; tests of demo behaviour turn it on themselves.
            { DATABASE_URL: integrationUrl, NODE_ENV: "test", CRON_SECRET: "test-cron-secret", NEXTAUTH_SECRET: "integration-test-secret", DEMO: "0" },
            "vitest",
          ),
        )
      : Promise.resolve(0);
    const build = needsBuild
      ? timed("build", () =>
          ensureAppBuild({ output: (chunk, stream) => (stream === "stdout" ? process.stdout : process.stderr).write(prefixed("build", chunk)), onSpawn: (child) => children.add(child) }),
        ).then(
          (outcome) => {
            if (!outcome.built) console.log("▸ .next/ is current with the sources: not rebuilt");
            announceBuild(buildStatus, { state: "done", ok: outcome.ok });
            return outcome.ok ? 0 : 1;
          },
          (error: Error) => {
            console.error(`[build] ${error.message}`);
            announceBuild(buildStatus, { state: "done", ok: false });
            return 1;
          },
        )
      : Promise.resolve(0);

    // End-to-end tests start as soon as the build is ready, while Vitest may
    // still be running: the two wait on different things (a browser, OCR, the
    // database), so overlapping them shortens the run.
    const e2e = wants("e2e")
      ? build.then((buildCode) =>
          chromiumProblem
            ? { passed: 0, failed: 1, skipped: 0, note: chromiumProblem }
            : buildCode === 0
              ? timed("e2e", () => runE2e(e2eUrl!))
              : { passed: 0, failed: 1, skipped: 0, note: "next build failed; e2e tests not run" },
        )
      : Promise.resolve(null);
    const systemJson = path.join(resultsDir, "vitest-system.json");
    rmSync(systemJson, { force: true });
    // After Vitest, in the share of the CPU its worker leaves: the system tests
    // start several app servers each, so beside Vitest and Playwright both they
    // would starve the browser tests (and be starved). What is left of e2e by
    // then is its tail, the newcomer's axe walk (600 s a part); waiting for it
    // too kept the system tests' two minutes on the critical path. A run
    // without Vitest (`--only e2e --only system`) has no such share: after Playwright.
    const system = wants("system")
      ? Promise.all([build, projects.length ? vitest : e2e]).then(async ([buildCode]) => {
          if (buildCode !== 0) return { passed: 0, failed: 1, skipped: 0, note: "next build failed; system tests not run" };
          const code = await timed("system", () =>
            run(
              bin("vitest"),
              ["run", "--project", "system", "--reporter=default", "--reporter=json", `--outputFile.json=${systemJson}`, ...passThrough],
              { DATABASE_URL: systemUrl, NODE_ENV: "test" },
              "system",
            ),
          );
          return vitestTally(systemJson, code);
        })
      : Promise.resolve(null);
    const vitestCode = await vitest;
    if (projects.length) tallies.vitest = vitestTally(vitestJson, vitestCode);
    const [e2eTally, systemTally] = await Promise.all([e2e, system]);
    if (e2eTally) tallies.e2e = e2eTally;
    if (systemTally) tallies.system = systemTally;
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await appServer?.stop();
    await pg?.stop();
    rmSync(buildStatus, { force: true });
  }

  const total = Object.values(tallies).reduce((sum, t) => ({ passed: sum.passed + t.passed, failed: sum.failed + t.failed, skipped: sum.skipped + t.skipped }), { passed: 0, failed: 0, skipped: 0 });
  console.log("");
  for (const [name, t] of Object.entries(tallies)) {
    console.log(`${name}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped${t.note ? ` (${t.note})` : ""}`);
  }
  const spans = Object.entries(phases).map(([name, { from, to }]) => `${name} ${from.toFixed(0)}–${(to ?? since()).toFixed(0)} s`);
  if (spans.length) console.log(`Phases (seconds since the start): ${spans.join(", ")}`);
  console.log(`Finished in ${since().toFixed(1)} s`);
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return total.failed > 0 || total.passed === 0 ? 1 : 0;
}

function vitestTally(file: string, code: number): Tally {
  const report = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(file);
  return report
    ? { passed: report.numPassedTests, failed: report.numFailedTests + (code && !report.numFailedTests ? 1 : 0), skipped: report.numPendingTests + report.numTodoTests }
    : { passed: 0, failed: 1, skipped: 0, note: `vitest exited ${code} without a report` };
}

let appServer: AppServer | undefined;

interface PlaywrightSuite {
  file?: string;
  specs?: { tests: { results: { duration: number }[] }[] }[];
  suites?: PlaywrightSuite[];
}

/** The spec files that kept a worker busiest (their tests' durations summed; beforeAll hooks are outside them), five at most. */
function slowestFiles(suites: PlaywrightSuite[]): string[] {
  const seconds = new Map<string, number>();
  const add = (suite: PlaywrightSuite, file: string) => {
    for (const spec of suite.specs ?? []) for (const t of spec.tests) for (const r of t.results) seconds.set(file, (seconds.get(file) ?? 0) + r.duration / 1000);
    for (const child of suite.suites ?? []) add(child, file);
  };
  for (const suite of suites) add(suite, suite.file ?? "?");
  return [...seconds].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([file, s]) => `${file} ${s.toFixed(0)} s`);
}

async function runE2e(databaseUrl: string): Promise<Tally> {
  const cronSecret = "test-cron-secret";
  // The specs share the server's secret: they open sealed outbox links the way delivery does (tests/e2e/sign.spec.ts).
  const sessionSecret = "e2e-test-secret-not-for-production";
  try {
    // Served as `npm start` serves it: the launcher migrates and loads the demo data the specs sign in with.
    // TRUST_PROXY_HOPS: as behind one reverse proxy, for the website-visitor spec's
    // X-Forwarded-For with a documented test address (tests/e2e/visitors.spec.ts).
    // STRIPE_WEBHOOK_SECRET: checkout stays the demo one (no STRIPE_SECRET_KEY), but signed
    // Stripe events are accepted: the billing spec delivers a refund to the running app.
    // Background jobs on, as in production: the specs see documents read, letters posted, failed jobs retried.
    appServer = await startAppServer({
      databaseUrl,
      env: { CRON_SECRET: cronSecret, NEXTAUTH_SECRET: sessionSecret, DEMO: "1", TRUST_PROXY_HOPS: "1", STRIPE_WEBHOOK_SECRET: "whsec_e2e_billing_secret", JOBS_CONCURRENCY: "4" },
    });
  } catch (error) {
    return { passed: 0, failed: 1, skipped: 0, note: (error as Error).message };
  }

  const json = path.join(resultsDir, "playwright.json");
  rmSync(json, { force: true });
  const code = await run(
    bin("playwright"),
    ["test", ...passThrough],
    { DATABASE_URL: databaseUrl, CRON_SECRET: cronSecret, NEXTAUTH_SECRET: sessionSecret, E2E_BASE_URL: appServer.url, PLAYWRIGHT_JSON: json, NODE_ENV: "test" },
    "e2e",
  );
  const serverLog = appServer.logs();
  await appServer.stop();
  if (code !== 0 && serverLog) {
    console.error("[e2e] app server log (last 60 lines):\n" + serverLog.split("\n").slice(-60).join("\n"));
  }
  const report = readJson<{ stats: { expected: number; unexpected: number; skipped: number; flaky: number }; suites: PlaywrightSuite[] }>(json);
  if (!report) return { passed: 0, failed: 1, skipped: 0, note: `playwright exited ${code} without a report` };
  console.log(`▸ e2e worker time of the slowest files: ${slowestFiles(report.suites).join(", ")}`);
  const { expected, unexpected, skipped, flaky } = report.stats;
  return { passed: expected + flaky, failed: unexpected + (code && !unexpected ? 1 : 0), skipped };
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    for (const child of children) child.kill("SIGTERM");
    appServer?.kill("SIGTERM");
  });
}

if (!existsSync(bin("next"))) {
  console.error("Dependencies are missing: run `npm install` first.");
  process.exit(1);
}
process.exit(await main());
