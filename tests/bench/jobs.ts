// npm run bench:jobs — the job system on this machine, on its own throw-away
// embedded PostgreSQL:
//  1. jobs/s through graphile-worker (no-op jobs, the runner options the app
//     uses) against the ceiling: a bare `INSERT …; SELECT … FOR UPDATE SKIP
//     LOCKED` loop (take one row, delete it, commit) with as many workers, on
//     the same database in the same run; rounds interleave so background load
//     falls on both; the median round of each is reported, and their ratio;
//  2. a mass SMS of 10,000 messages through the real job (queueMassSms → the
//     "sms.mass-chunk" runner) to a local gateway speaking Twilio's API with
//     50 ms latency and a 200 messages/s limit (429 + Retry-After beyond it):
//     the rate achieved as a fraction of that limit, with the pace set to the
//     limit (SMS_RATE_PER_SECOND=200, as an operator sets their sender's);
//     then a shorter batch with no pace set (the app finds it from the 429s);
//     each with the silences of 100 ms or more between two accepted messages
//     (chunk hand-offs, stalls: where the time goes); then the ledger
//     conservation check.
// Ends with one JSON line. Options: --jobs N (5000), --workers N (8),
// --rounds N (3), --messages N (10000), --adaptive-messages N (3000),
// --concurrency N (SMS_CONCURRENCY: the app's default, 32).
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fundedSmsCompany, startBenchDatabase } from "./bench-database";
import { numberOption as arg } from "./options";

const JOBS = arg("jobs", 5000);
const WORKERS = arg("workers", 8);
const ROUNDS = arg("rounds", 3);
const MESSAGES = arg("messages", 10_000);
const ADAPTIVE_MESSAGES = arg("adaptive-messages", 3000);
const CONCURRENCY = arg("concurrency", 32);
const LIMIT = 200;
const root = path.resolve(import.meta.dirname, "..", "..");

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const database = await startBenchDatabase("bench-jobs");
const { default: pg } = await import("pg");
const benchPool = new pg.Pool({ connectionString: database.url, max: WORKERS + 4 });
benchPool.on("error", () => {}); // the server stops at the end
benchPool.on("connect", (client) => client.on("error", () => {}));
try {
  const { run, Logger } = await import("graphile-worker");
  const { pool, prisma, disconnectDb } = await import("@/lib/db/client");
  pool().on("error", () => {});
  const quiet = new Logger(() => () => {});

  async function libraryRound(): Promise<number> {
    await benchPool.query(
      `SELECT graphile_worker.add_jobs(ARRAY(SELECT ROW('bench.noop', json_build_object('n', g), NULL, NULL, NULL, NULL, NULL, NULL)::graphile_worker.job_spec FROM generate_series(1, $1) g))`,
      [JOBS],
    );
    let done = 0;
    let finished!: () => void;
    const all = new Promise<void>((resolve) => (finished = resolve));
    const started = performance.now();
    const runner = await run({
      pgPool: benchPool,
      concurrency: WORKERS,
      noHandleSignals: true,
      logger: quiet,
      pollInterval: 2000,
      preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
      taskList: {
        "bench.noop": async () => {
          if (++done === JOBS) finished();
        },
      },
    });
    await all;
    const seconds = (performance.now() - started) / 1000;
    await runner.stop();
    const left = (await benchPool.query("SELECT count(*)::int AS n FROM graphile_worker.jobs")).rows[0].n;
    if (left) throw new Error(`${left} jobs left after the library round`);
    return JOBS / seconds;
  }

  await benchPool.query("CREATE TABLE IF NOT EXISTS bench_job (id bigserial PRIMARY KEY, payload json NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
  async function bareRound(): Promise<number> {
    await benchPool.query("INSERT INTO bench_job (payload) SELECT json_build_object('n', g) FROM generate_series(1, $1) g", [JOBS]);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        const client = await benchPool.connect();
        try {
          for (;;) {
            await client.query("BEGIN");
            const { rows } = await client.query("SELECT id, payload FROM bench_job ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED");
            if (!rows[0]) {
              await client.query("COMMIT");
              return;
            }
            await client.query("DELETE FROM bench_job WHERE id = $1", [rows[0].id]);
            await client.query("COMMIT");
          }
        } finally {
          client.release();
        }
      }),
    );
    return JOBS / ((performance.now() - started) / 1000);
  }

  const library: number[] = [];
  const bare: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    library.push(await libraryRound());
    bare.push(await bareRound());
    console.log(`Round ${round}: graphile-worker ${Math.round(library.at(-1)!)} jobs/s, bare SKIP LOCKED loop ${Math.round(bare.at(-1)!)} jobs/s (${JOBS} jobs, ${WORKERS} workers)`);
  }
  const jobsPerS = median(library);
  const barePerS = median(bare);

  // 2. Mass SMS through the job, against a rate-limited gateway.
  const { insertMobileContacts } = await import("@/tests/support/contacts");
  const { reloadEnv } = await import("@/lib/env");
  const { seedCatalogue } = await import("@/lib/seed/catalogue");
  const { queueMassSms } = await import("@/lib/sms/mass-sms/queue");
  const { massSmsProgress } = await import("@/lib/sms/mass-sms/progress");
  const { startJobSystem } = await import("@/lib/jobs/runner");
  const { verifyLedger } = await import("@/lib/iap/verify");
  await seedCatalogue(prisma());

  /** The gateway in its own process (tests/bench/gateway-process.ts): 50 ms latency, the limit, a burst of 20. */
  async function startGateway() {
    const { spawn } = await import("node:child_process");
    const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "tests/bench/gateway-process.ts", "50", String(LIMIT), "20"], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.once("data", (chunk: Buffer) => resolve(JSON.parse(chunk.toString()).url));
      child.once("exit", (code) => reject(new Error(`the gateway process exited with ${code}`)));
    });
    return {
      url,
      stats: async () => (await (await fetch(`${url}/__stats`)).json()) as { posts: number; rateLimited: number; accepted: { to: string; at: number }[] },
      stop: () => new Promise<void>((resolve) => (child.once("exit", () => resolve()), child.kill("SIGTERM"))),
    };
  }

  async function massSms(messages: number, pace: number, label: string) {
    const gateway = await startGateway();
    Object.assign(process.env, {
      TWILIO_ACCOUNT_SID: "AC00000000000000000000000000000001",
      TWILIO_AUTH_TOKEN: "bench",
      TWILIO_FROM: "+15005550006",
      TWILIO_API_URL: gateway.url,
      SMS_RATE_PER_SECOND: String(pace),
      SMS_CONCURRENCY: String(CONCURRENCY),
    });
    reloadEnv();
    const { company, user } = await fundedSmsCompany(label, 100_000_000n, "BE");
    const contactIds = await insertMobileContacts(pool(), company.id, messages);
    const system = await startJobSystem({ only: ["sms.mass-chunk"], cron: false });
    try {
      const queued = await queueMassSms({ companyId: company.id, userId: user.id, contactIds, body: "Spring sale: 20% off everything this weekend. Reply STOP to opt out.", idempotencyKey: `bench-${label}` });
      if (queued.status !== "queued") throw new Error(`not queued: ${queued.status}`);
      for (;;) {
        const progress = await massSmsProgress(company.id, queued.batchKey);
        if (progress.done) break;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      const progress = await massSmsProgress(company.id, queued.batchKey);
      const stats = await gateway.stats();
      const times = stats.accepted.map((m) => m.at);
      const seconds = (Math.max(...times) - Math.min(...times)) / 1000;
      const rate = (stats.accepted.length - 1) / seconds;
      const once = new Set(stats.accepted.map((m) => m.to)).size === stats.accepted.length && stats.accepted.length === messages;
      // Where the time went: silences of 100 ms or more between two accepted messages (chunk hand-offs, stalls).
      const sorted = [...times].sort((a, b) => a - b);
      const silences = sorted.slice(1).map((at, i) => at - sorted[i]).filter((gap) => gap >= 100);
      const silent = silences.reduce((sum, gap) => sum + gap, 0) / 1000;
      console.log(
        `Mass SMS (${label}): ${progress.sent} sent, ${progress.failed} failed, in ${seconds.toFixed(1)} s = ${rate.toFixed(1)} msg/s of a ${LIMIT}/s limit (${(rate / LIMIT).toFixed(3)}); ` +
          `${stats.rateLimited} answers 429, ${stats.posts} requests for ${messages} messages, each number once: ${once}; ` +
          `${silences.length} silences ≥ 100 ms (${silent.toFixed(1)} s, longest ${Math.max(0, ...silences)} ms)`,
      );
      return { rate, sent: progress.sent, failed: progress.failed, once, limited: stats.rateLimited };
    } finally {
      await system.stop();
      await gateway.stop();
    }
  }

  const paced = await massSms(MESSAGES, LIMIT, "paced");
  const adaptive = ADAPTIVE_MESSAGES > 0 ? await massSms(ADAPTIVE_MESSAGES, 0, "adaptive") : null;
  const ledger = await verifyLedger();
  console.log(`Ledger: ${ledger.ok ? "conserved" : "NOT conserved"} (${ledger.accounts} accounts, ${ledger.entries} entries, ${ledger.holds} holds)`);
  console.log(`graphile-worker ${Math.round(jobsPerS)} jobs/s vs bare SKIP LOCKED ${Math.round(barePerS)} jobs/s: ratio ${(jobsPerS / barePerS).toFixed(2)} (median of ${ROUNDS} rounds; 2 shared cores: figures swing)`);
  await disconnectDb();
  const conserved = ledger.ok && paced.sent === MESSAGES && paced.failed === 0 && paced.once && (!adaptive || (adaptive.failed === 0 && adaptive.once));
  console.log(
    JSON.stringify({
      jobs_per_s: Math.round(jobsPerS),
      bare_per_s: Math.round(barePerS),
      jobs_ratio: Number((jobsPerS / barePerS).toFixed(3)),
      rate_fraction: Number((paced.rate / LIMIT).toFixed(3)),
      adaptive_rate_fraction: adaptive ? Number((adaptive.rate / LIMIT).toFixed(3)) : null,
      conserved,
    }),
  );
  if (!conserved) process.exitCode = 1;
} finally {
  await benchPool.end().catch(() => {});
  await database.stop();
}
