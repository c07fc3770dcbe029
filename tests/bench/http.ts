// npm run bench:http — the public API under load, against the production build
// (`next start`, skip the build with --no-build to reuse .next/): autocannon
// runs authenticated `POST /api/v1/accounts/sms/charges` (a distinct
// Idempotency-Key per request) and, in the same run, an authenticated no-op
// (`GET /api/v1/ping`: the same key check and rate limit, no ledger), each with
// 50 connections for 20 s in total, in alternating rounds (default 4 × 5 s
// each) so that the shared machine's background load falls on both alike.
// Prints throughput and latency (over every response) of both, their ratio
// (goal: charges ≥ 0.5 × no-op), checks that every 2xx charge wrote exactly one
// ledger entry and that the ledger is conserved, and ends with one JSON line.
// It also reads the CPU time the app server and PostgreSQL spent on each side
// (/proc): CPU per request does not depend on how busy the shared machine is.
// Options: --seconds N (default 20), --rounds N (default 4), --connections N (default 50), --no-build.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { createApiKey } from "@/lib/api/keys";
import { disconnectDb, pool, prisma } from "@/lib/db/client";
import { seedCatalogue } from "@/lib/db/seed";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { grant } from "@/lib/iap/ledger";
import { verifyLedger } from "@/lib/iap/verify";
import { startAppServer } from "@/tests/support/app-server";
import { startBenchDatabase } from "./bench-database";
import { numberOption } from "./options";

const root = path.resolve(import.meta.dirname, "..", "..");
const SECONDS = numberOption("seconds", 20);
const CONNECTIONS = numberOption("connections", 50);
const ROUNDS = numberOption("rounds", 4);

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
  /** App server + PostgreSQL CPU ms per answered request. */
  cpuPerRequest: number;
}

// CPU time (ms) of a process and all its descendants, from /proc.
const TICK_MS = 10; // USER_HZ is 100 on Linux
function processTable(): Map<number, { ppid: number; cpu: number; cmd: string }> {
  const table = new Map<number, { ppid: number; cpu: number; cmd: string }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
      table.set(Number(entry), { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) * TICK_MS, cmd });
    } catch {
      // the process ended while we read
    }
  }
  return table;
}
function treeCpuMs(roots: number[]): number {
  const table = processTable();
  let total = 0;
  const queue = [...roots];
  const seen = new Set<number>();
  while (queue.length) {
    const pid = queue.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    total += table.get(pid)?.cpu ?? 0;
    for (const [child, info] of table) if (info.ppid === pid) queue.push(child);
  }
  return total;
}

class Series {
  latencies: number[] = [];
  ok = 0;
  failed = 0;
  seconds = 0;
  cpuMs = 0;
  summary(): Measured {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0);
    return { rps: Math.round(this.ok / this.seconds), p50: at(0.5), p99: at(0.99), ok: this.ok, failed: this.failed, cpuPerRequest: Math.round((this.cpuMs / Math.max(1, this.ok)) * 100) / 100 };
  }
}

/** One round of `seconds`, every response's latency and the servers' CPU added to the series. */
function round(options: autocannon.Options, seconds: number, series: Series, servers: number[]): Promise<void> {
  const cpuBefore = treeCpuMs(servers);
  return new Promise((resolve, reject) => {
    const instance = autocannon({ connections: CONNECTIONS, duration: seconds, ...options }, (error, result) => {
      if (error) return reject(error);
      series.ok += result["2xx"];
      series.failed += result.non2xx + result.errors + result.timeouts;
      series.seconds += seconds;
      series.cpuMs += treeCpuMs(servers) - cpuBefore;
      resolve();
    });
    instance.on("response", (_client, _status, _bytes, responseTime) => series.latencies.push(responseTime));
  });
}

const database = await startBenchDatabase("bench-http");
// The database stops at the end while idle pooled connections remain: an error then is expected, not a crash.
pool().on("error", (error) => console.error(`(pool) ${error.message}`));
let server: Awaited<ReturnType<typeof startAppServer>> | null = null;
try {
  await seedCatalogue(prisma());
  const company = await prisma().company.create({ data: { name: "Bench Company", country: "BE", currency: "EUR" } });
  const account = await getOrCreateAccount(company.id, "sms");
  await grant(account, 10n ** 15n, { kind: "ADJUSTMENT", description: "bench credits", idempotencyKey: "bench" });
  const { key } = await createApiKey({ companyId: company.id, name: "bench", scopes: ["read", "charge"] });
  server = await startAppServer({ databaseUrl: database.url, env: { API_RATE_LIMIT: "1000000000" } });

  const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  const charge: autocannon.Options = {
    url: `${server.url}/api/v1/accounts/sms/charges`,
    method: "POST",
    headers,
    body: JSON.stringify({ amount: "0.01", description: "bench charge", reference: "bench" }),
    requests: [
      {
        setupRequest: (request) => ({ ...request, headers: { ...request.headers, "idempotency-key": randomUUID() } }),
      },
    ],
  };
  const noop: autocannon.Options = { url: `${server.url}/api/v1/ping`, method: "GET", headers };

  // Warm up both paths (JIT, prepared statements, pool connections), then measure.
  await autocannon({ ...charge, connections: CONNECTIONS, duration: 3 });
  await autocannon({ ...noop, connections: CONNECTIONS, duration: 3 });
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const before = Number((await pool().query("SELECT count(*) FROM ledger_entry WHERE account_id = $1", [account.id])).rows[0].count);
  // The app server's process tree and the benchmark's own PostgreSQL (its postmaster names the data directory).
  const postmasters = [...processTable()].filter(([, info]) => info.cmd.includes(`bench-http-${process.pid}`) && info.cmd.includes("postgres -D")).map(([pid]) => pid);
  const servers = [server.child.pid!, ...postmasters];
  const noopSeries = new Series();
  const chargeSeries = new Series();
  for (let i = 1; i <= ROUNDS; i++) {
    console.log(`▸ round ${i}/${ROUNDS}: GET /api/v1/ping, then POST /api/v1/accounts/sms/charges, ${CONNECTIONS} connections, ${SECONDS / ROUNDS} s each`);
    await round(noop, SECONDS / ROUNDS, noopSeries, servers);
    await round(charge, SECONDS / ROUNDS, chargeSeries, servers);
  }
  const noopResult = noopSeries.summary();
  const chargeResult = chargeSeries.summary();
  // Requests still in flight when a round stops are applied but not counted: let them land.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const after = Number((await pool().query("SELECT count(*) FROM ledger_entry WHERE account_id = $1", [account.id])).rows[0].count);
  const written = after - before;
  // Every 201 has its entry; beyond those, at most the requests in flight when each round stopped.
  const entriesMatch = written >= chargeResult.ok && written <= chargeResult.ok + CONNECTIONS * ROUNDS;

  const report = await verifyLedger();
  const ratio = Math.round((chargeResult.rps / noopResult.rps) * 100) / 100;
  console.log("");
  console.log(`no-op   ${noopResult.rps} req/s   p50 ${noopResult.p50} ms   p99 ${noopResult.p99} ms   (${noopResult.ok} ok, ${noopResult.failed} failed)`);
  console.log(`charge  ${chargeResult.rps} req/s   p50 ${chargeResult.p50} ms   p99 ${chargeResult.p99} ms   (${chargeResult.ok} ok, ${chargeResult.failed} failed)`);
  const cpuRatio = Math.round((noopResult.cpuPerRequest / chargeResult.cpuPerRequest) * 100) / 100;
  console.log(`cpu     ${noopResult.cpuPerRequest} ms per no-op, ${chargeResult.cpuPerRequest} ms per charge (app server + PostgreSQL${postmasters.length ? "" : ": PostgreSQL not found, app only"})`);
  console.log(`ratio   ${ratio} by throughput (goal ≥ 0.5), ${cpuRatio} by CPU per request`);
  console.log(`ledger  ${written} entries for ${chargeResult.ok} charges answered 201; ${report.ok ? "conserved" : `NOT conserved: ${report.problems.length} problem(s)`}`);
  console.log(
    JSON.stringify({
      charge_rps: chargeResult.rps,
      noop_rps: noopResult.rps,
      ratio,
      charge_p50_ms: chargeResult.p50,
      charge_p99_ms: chargeResult.p99,
      noop_p50_ms: noopResult.p50,
      noop_p99_ms: noopResult.p99,
      charge_cpu_ms: chargeResult.cpuPerRequest,
      noop_cpu_ms: noopResult.cpuPerRequest,
      cpu_ratio: cpuRatio,
      charge_failed: chargeResult.failed,
      entries_match: entriesMatch,
      conserved: report.ok,
    }),
  );
  process.exitCode = report.ok && entriesMatch && chargeResult.failed === 0 ? 0 : 1;
} finally {
  await server?.stop();
  await disconnectDb();
  await database.stop();
}
