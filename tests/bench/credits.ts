// npm run bench:credits [-- --workers 32 --seconds 3 --rounds 3 --pool <workers> --fast]
//
// How close the credits engine gets to PostgreSQL's own ceiling. N concurrent
// workers go through lib/iap — `debit` (one statement: conditional UPDATE of
// the account + INSERT of its ledger entry) and `charge` (reserve → work →
// capture: two statements) — on one hot account and on 100 spread accounts.
// In the same run, the same concurrency does only the bare conditional
//   UPDATE iap_account SET balance = balance - 1 WHERE id = $1 AND balance - held >= 1 RETURNING balance
// through `pg`: the ceiling. The ceiling runs in a second database of the same
// server with the same migrated schema (it writes no ledger entry, so it must
// not touch the accounts the conservation check reads).
//
// Its own embedded PostgreSQL, fresh and deleted afterwards, with durable
// settings (fsync and synchronous_commit on: every commit waits for its WAL
// flush, as in production) for every measurement; `--fast` turns durability
// off for all of them instead. Both sides use named prepared statements and a
// pool of the same size. Rounds interleave the measurements so that noise from
// other work on the machine falls on all of them alike.
//
// Ends with one JSON line: {"spread_ratio":…,"hot_ratio":…,"charge_spread_ratio":…,"charge_hot_ratio":…,"conserved":true}
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pool, prisma } from "@/lib/db/client";
import { seedCatalogue } from "@/lib/seed/catalogue";
import { reloadEnv } from "@/lib/env";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import type { AccountRef } from "@/lib/iap/types";
import { charge } from "@/lib/iap/charge";
import { debit, grant } from "@/lib/iap/ledger";
import { verifyLedger } from "@/lib/iap/verify";
import { problemLine } from "@/lib/cli/ledger-problems";
import { startBenchDatabase } from "./bench-database";
import { runBench } from "./run-bench";
import { numberOption } from "./options";

const SPREAD_ACCOUNTS = 100;
const OPENING_UNITS = 1_000_000_000_000n;
const SERVICE = "partner_autocomplete";

const workers = numberOption("workers", 32);
const seconds = numberOption("seconds", 3);
const rounds = numberOption("rounds", 3);
const poolSize = numberOption("pool", workers);
const fast = process.argv.includes("--fast");

type Kind = "ceiling" | "debit" | "charge";
type Layout = "spread" | "hot";
const tally = new Map<string, { ops: number; ms: number; serverCpu: number; clientCpu: number }>();

/**
 * CPU seconds used so far by the PostgreSQL server (postmaster and every
 * child: backends, WAL writer…) and by this Node process. Throughput on a
 * shared 2-core machine swings with other people's load; CPU time per
 * operation is steadier and says where the time goes.
 */
function cpuSeconds(postmasterPid: number): { server: number; client: number } {
  const ticks = 100; // CLK_TCK on Linux
  let server = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const pid = Number(entry);
    const ppid = Number(fields[1]);
    if (pid === postmasterPid || ppid === postmasterPid) server += (Number(fields[11]) + Number(fields[12])) / ticks;
  }
  const usage = process.cpuUsage();
  return { server, client: (usage.user + usage.system) / 1e6 };
}

/** Runs `op` from `workers` concurrent loops for `ms`; returns operations completed. */
async function hammer(ms: number, op: (worker: number, i: number) => Promise<unknown>): Promise<{ ops: number; elapsed: number }> {
  const started = performance.now();
  const deadline = started + ms;
  let ops = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let i = 0; performance.now() < deadline; i++) {
        await op(worker, i);
        ops++;
      }
    }),
  );
  return { ops, elapsed: performance.now() - started };
}

async function main() {
  const database = await startBenchDatabase("bench-credits", { durable: !fast, env: { DATABASE_POOL_SIZE: String(poolSize) } });
  try {
    const ceilingUrl = await database.createMigratedDatabase("iap_bench_ceiling");
    await seedCatalogue(prisma());

    // Our accounts: one hot, 100 spread, each opened with plenty of credits.
    const { rows: companies } = await pool().query(
      "INSERT INTO company (name, country, currency) SELECT 'Bench ' || n, 'BE', 'EUR' FROM generate_series(0, $1) n RETURNING id",
      [SPREAD_ACCOUNTS],
    );
    const accounts: AccountRef[] = [];
    for (const { id } of companies) {
      const account = await getOrCreateAccount(id, SERVICE);
      await grant(account, OPENING_UNITS, { kind: "ADJUSTMENT", description: "bench opening", idempotencyKey: "opening" });
      accounts.push(account);
    }
    const [hot, ...spread] = accounts;

    // The ceiling's accounts: same schema, same opening balance, in the other database.
    const ceiling = database.openPool({ connectionString: ceilingUrl, max: poolSize });
    await ceiling.query("INSERT INTO company (name, country, currency) SELECT 'Ceiling ' || n, 'BE', 'EUR' FROM generate_series(0, $1) n", [SPREAD_ACCOUNTS]);
    await ceiling.query("INSERT INTO iap_service (technical_name, name, description) VALUES ($1, 'Ceiling', 'bench')", [SERVICE]);
    const { rows: ceilingRows } = await ceiling.query(
      `INSERT INTO iap_account (company_id, service_id, balance)
       SELECT c.id, (SELECT id FROM iap_service), $1 FROM company c ORDER BY c.id RETURNING id`,
      [OPENING_UNITS],
    );
    const [ceilingHot, ...ceilingSpread] = ceilingRows.map((row) => row.id as number);

    const settings = await pool().query(
      "SELECT current_setting('server_version') AS version, current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sync",
    );
    const s = settings.rows[0];
    console.log(
      `PostgreSQL ${s.version} (embedded, fsync=${s.fsync}, synchronous_commit=${s.sync}${fast ? ", --fast" : ", durable"}), ` +
        `${workers} workers, pool ${poolSize}, ${rounds} rounds × ${seconds} s per measurement, ${os.cpus().length} CPUs, Node ${process.version}`,
    );

    let key = 0;
    const ops: Record<Kind, (layout: Layout) => (worker: number, i: number) => Promise<unknown>> = {
      ceiling: (layout) => (worker, i) =>
        ceiling.query({
          name: "ceiling_debit",
          text: "UPDATE iap_account SET balance = balance - 1 WHERE id = $1 AND balance - held >= 1 RETURNING balance",
          values: [layout === "hot" ? ceilingHot : ceilingSpread[(worker * 7 + i) % SPREAD_ACCOUNTS]],
        }),
      debit: (layout) => (worker, i) =>
        debit(layout === "hot" ? hot : spread[(worker * 7 + i) % SPREAD_ACCOUNTS], 1n, { description: "bench debit", idempotencyKey: `d${key++}` }),
      charge: (layout) => (worker, i) => {
        const account = layout === "hot" ? hot : spread[(worker * 7 + i) % SPREAD_ACCOUNTS];
        return charge(
          { companyId: account.companyId, service: SERVICE, amount: 1n, idempotencyKey: `c${key++}`, description: "bench charge" },
          async () => null,
        );
      },
    };

    const postmasterPid = Number(readFileSync(path.join(database.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);

    // Warm-up: prepares the statements on every pooled connection.
    for (const kind of ["ceiling", "debit", "charge"] as const) await hammer(500, ops[kind]("spread"));

    for (let round = 1; round <= rounds; round++) {
      for (const layout of ["spread", "hot"] as const) {
        for (const kind of ["ceiling", "debit", "charge"] as const) {
          const before = cpuSeconds(postmasterPid);
          const { ops: done, elapsed } = await hammer(seconds * 1000, ops[kind](layout));
          const after = cpuSeconds(postmasterPid);
          const t = tally.get(`${kind}/${layout}`) ?? { ops: 0, ms: 0, serverCpu: 0, clientCpu: 0 };
          tally.set(`${kind}/${layout}`, {
            ops: t.ops + done,
            ms: t.ms + elapsed,
            serverCpu: t.serverCpu + after.server - before.server,
            clientCpu: t.clientCpu + after.client - before.client,
          });
          console.log(`  round ${round} ${layout.padEnd(6)} ${kind.padEnd(7)} ${Math.round((done / elapsed) * 1000).toString().padStart(6)} ops/s`);
        }
      }
    }

    const rate = (kind: Kind, layout: Layout) => {
      const t = tally.get(`${kind}/${layout}`)!;
      return (t.ops / t.ms) * 1000;
    };
    const ratio = (kind: Kind, layout: Layout) => Math.round((rate(kind, layout) / rate("ceiling", layout)) * 100) / 100;
    console.log("");
    console.log("                      spread (100 accounts)   hot (1 account)");
    for (const kind of ["ceiling", "debit", "charge"] as const) {
      const cell = (layout: Layout) => `${Math.round(rate(kind, layout)).toString().padStart(7)} ops/s` + (kind === "ceiling" ? "        " : ` (${ratio(kind, layout).toFixed(2)})`);
      const label = { ceiling: "ceiling (bare UPDATE)", debit: "debit", charge: "charge (hold+capture)" }[kind];
      console.log(`${label.padEnd(22)}${cell("spread").padEnd(24)}${cell("hot")}`);
    }
    console.log("CPU per operation, µs (PostgreSQL server + this Node process):");
    for (const kind of ["ceiling", "debit", "charge"] as const) {
      const cell = (layout: Layout) => {
        const t = tally.get(`${kind}/${layout}`)!;
        return `${Math.round((t.serverCpu / t.ops) * 1e6)} + ${Math.round((t.clientCpu / t.ops) * 1e6)}`;
      };
      console.log(`  ${kind.padEnd(20)}${cell("spread").padEnd(24)}${cell("hot")}`);
    }

    // Conservation: every account's balance is the sum of its entries, and the
    // credits that left equal the operations counted.
    const report = await verifyLedger();
    const counted = [...tally.entries()].filter(([k]) => !k.startsWith("ceiling")).reduce((sum, [, t]) => sum + t.ops, 0);
    const { rows } = await pool().query("SELECT sum($1::bigint - balance) AS spent, sum(held) AS held FROM iap_account WHERE id = ANY($2::int[])", [
      OPENING_UNITS,
      accounts.map((a) => a.id),
    ]);
    // Warm-up operations were not counted; they are in the ledger all the same.
    const { rows: warm } = await pool().query("SELECT count(*)::int AS n FROM ledger_entry WHERE kind = 'USAGE'");
    console.log("");
    console.log(
      `Conservation: ${report.accounts} accounts, ${report.entries} entries, ${report.holds} holds checked — ${report.ok ? "conserved" : "NOT conserved"}; ` +
        `${rows[0].spent} units spent for ${warm[0].n} usage entries (${counted} counted in the measurements), ${rows[0].held} still held.`,
    );
    for (const problem of report.problems.slice(0, 20)) console.log(`  ${problemLine(problem)}`);
    const conserved = report.ok && BigInt(rows[0].spent) === BigInt(warm[0].n) && BigInt(rows[0].held) === 0n && warm[0].n >= counted;
    return {
      ok: conserved,
      result: {
        spread_ratio: ratio("debit", "spread"),
        hot_ratio: ratio("debit", "hot"),
        charge_spread_ratio: ratio("charge", "spread"),
        charge_hot_ratio: ratio("charge", "hot"),
        conserved,
      },
    };
  } finally {
    await database.stop();
  }
}

await runBench("credits", main);
