// npm run bench:pages — server render time of the Account Information page
// (history, usage chart, forecast, budgets) of an account with 1,000,000
// ledger entries over 90 days, measured on the real production
// build: own throw-away PostgreSQL; the app built if .next/ is missing or older
// than the sources (tests/support/app-build.ts: two runs at once build once)
// and served as `npm start` serves it on a free port; sign in through
// next-auth's credentials endpoint, then time sequential GETs of the page (first
// page of the history, and a page deep in it by cursor) and its size (HTML,
// and the RSC payload client navigation fetches); then under load:
// autocannon, 20 connections for 15 s each, the signed-in account page against the
// signed-out sign-in page in the same run, alternating in 5 s slices (their ratio says what a signed-in
// render costs beyond the framework's floor), and the signed-in Settings page
// beside them: a page of the app with next to no data (its layout, the
// session and user read, a menu), i.e. the most a signed-in page's ratio can
// reach on this stack and machine. Ends with one JSON line.
// Options: --entries N (default 1000000), --requests N (default 40), --load-seconds N (default 15),
// --load-rounds N (default 3: the load alternates between the pages in that many slices).
import autocannon from "autocannon";
import type pg from "pg";
import { withBenchApp } from "./bench-app";
import { startBenchDatabase } from "./bench-database";
import { runBench } from "./run-bench";
import { numberOption } from "./options";

const ENTRIES = numberOption("entries", 1_000_000);
const REQUESTS = numberOption("requests", 40);
const LOAD_SECONDS = numberOption("load-seconds", 15);
const LOAD_CONNECTIONS = 20;
const LOAD_ROUNDS = numberOption("load-rounds", 3);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The demo SMS account filled up to `count` entries in one statement over the last 90 days: a purchase every 50th, usage by the admin otherwise. */
async function fillLedger(client: pg.Client, count: number): Promise<{ accountId: number; middleId: string; entries: number }> {
  const { rows } = await client.query(
    `SELECT a.id, a.balance FROM iap_account a
       JOIN iap_service s ON s.id = a.service_id JOIN app_user u ON u.company_id = a.company_id
      WHERE s.technical_name = 'sms' AND u.email = 'admin@example.com'`,
  );
  const { id: accountId, balance } = rows[0];
  const admin = (await client.query("SELECT id FROM app_user WHERE email = 'admin@example.com'")).rows[0].id;
  // The seed already wrote the trial grant: add what makes `count` in all.
  const existing = (await client.query("SELECT count(*)::int AS n FROM ledger_entry WHERE account_id = $1", [accountId])).rows[0].n;
  await client.query("BEGIN");
  // Running balance = opening balance + cumulative sum of the amounts, so
  // balance_after is exactly what the engine would have written, and the
  // account's cached balance is set to the last one (invariant 1 holds).
  await client.query(
    `INSERT INTO ledger_entry (account_id, kind, amount, balance_after, description, reference, idempotency_key, created_at, created_by_id)
     SELECT $1, g.kind, g.amount, $2::bigint + sum(g.amount) OVER (ORDER BY g.i), g.description,
            CASE WHEN g.kind = 'USAGE' THEN 'contact:' || (1 + g.i % 20) END, 'bench-' || g.i,
            now() - make_interval(secs => ($3 - g.i) * (90 * 86400.0 / $3)),
            CASE WHEN g.kind = 'USAGE' THEN $4::int END
       FROM (SELECT i,
                    CASE WHEN i % 50 = 1 THEN 'PURCHASE' ELSE 'USAGE' END::"LedgerKind" AS kind,
                    CASE WHEN i % 50 = 1 THEN 10000 ELSE -105 END::bigint AS amount,
                    CASE WHEN i % 50 = 1 THEN 'Standard Pack (100 credits)' ELSE 'SMS to +32 470 12 ' || lpad((i % 10000)::text, 4, '0') || ' (1 part)' END AS description
               FROM generate_series(1, $3::int) AS i) g
      ORDER BY g.i`,
    [accountId, balance, count - existing, admin],
  );
  await client.query(
    `UPDATE iap_account SET balance = (SELECT balance_after FROM ledger_entry WHERE account_id = $1 ORDER BY id DESC LIMIT 1) WHERE id = $1`,
    [accountId],
  );
  await client.query("COMMIT");
  await client.query("ANALYZE ledger_entry");
  const check = await client.query(
    `SELECT (SELECT balance FROM iap_account WHERE id = $1) = (SELECT sum(amount) FROM ledger_entry WHERE account_id = $1) AS consistent,
            (SELECT count(*) FROM ledger_entry WHERE account_id = $1)::int AS entries,
            (SELECT id FROM ledger_entry WHERE account_id = $1 ORDER BY id LIMIT 1 OFFSET $2) AS middle_id`,
    [accountId, Math.floor(count / 2)],
  );
  if (!check.rows[0].consistent) throw new Error("Bench data is inconsistent: balance ≠ sum of the ledger");
  console.log(`▸ ${check.rows[0].entries.toLocaleString("en")} ledger entries on account ${accountId}, balance = sum of entries`);
  return { accountId, middleId: String(check.rows[0].middle_id), entries: check.rows[0].entries };
}

async function signIn(baseUrl: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = pair.split("=");
      jar.set(name, value.join("="));
    }
  };
  const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const login = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ csrfToken, email: "admin@example.com", password: "demo1234", json: "true" }),
  });
  keep(login);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) throw new Error(`Sign-in failed (HTTP ${login.status})`);
  return header();
}

async function time(url: string, cookie: string, expect: string[]): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  const html = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  for (const text of expect) if (!html.includes(text)) throw new Error(`GET ${url}: the page lacks "${text}"`);
  return ms;
}

async function measure(label: string, url: string, cookie: string, expect: string[]) {
  for (let i = 0; i < 5; i++) await time(url, cookie, expect); // warm-up: JIT, pool, route compilation caches
  const samples: number[] = [];
  for (let i = 0; i < REQUESTS; i++) samples.push(await time(url, cookie, expect));
  samples.sort((a, b) => a - b);
  const result = { p50: percentile(samples, 50), p95: percentile(samples, 95), min: samples[0], max: samples[samples.length - 1] };
  console.log(
    `▸ ${label}: ${REQUESTS} requests, p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms (min ${result.min.toFixed(1)}, max ${result.max.toFixed(1)})`,
  );
  return result;
}

/** Bytes of the page as a browser first gets it (HTML, with the RSC payload inlined) and as client navigation gets it (the RSC payload alone). */
async function pageBytes(url: string, cookie: string): Promise<{ html: number; rsc: number }> {
  const size = async (headers: Record<string, string>) => {
    const response = await fetch(url, { headers: { cookie, ...headers } });
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
    return body.length;
  };
  const result = { html: await size({}), rsc: await size({ rsc: "1" }) };
  console.log(`▸ Account page size: HTML ${(result.html / 1024).toFixed(1)} KiB, RSC payload ${(result.rsc / 1024).toFixed(1)} KiB (uncompressed)`);
  return result;
}

/** Requests answered 200 in `seconds` under LOAD_CONNECTIONS connections; any other answer fails the bench. */
function load(label: string, url: string, headers: Record<string, string>, seconds: number): Promise<{ requests: number; p50: number; p99: number }> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: LOAD_CONNECTIONS, duration: seconds, headers }, (error, result) => {
      if (error) return reject(error);
      const bad = result.non2xx + result.errors + result.timeouts;
      if (bad > 0) return reject(new Error(`${label}: ${bad} of ${result.requests.total} answers were not 200 (non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts})`));
      resolve({ requests: result.requests.total, p50: result.latency.p50, p99: result.latency.p99 });
    });
  });
}

/**
 * Requests/s of the pages under load, in LOAD_ROUNDS alternating slices
 * (signed out, the Settings page, the account page, signed out, …) of
 * LOAD_SECONDS / LOAD_ROUNDS each: on a machine whose other work comes and
 * goes, the pages then see the same mix of quiet and busy moments, so their
 * ratios compare the pages, not the moments.
 */
async function loadAll(signedOutUrl: string, floorUrl: string, signedInUrl: string, cookie: string) {
  const slice = Math.max(1, Math.round(LOAD_SECONDS / LOAD_ROUNDS));
  const totals = { signedOut: 0, floor: 0, signedIn: 0 };
  // autocannon stops counting at the end of a slice but the server still works off the requests in flight:
  // one plain GET answered first means the next slice starts on an idle server, not on the last one's backlog.
  const settle = async (url: string, headers: Record<string, string>) => void (await (await fetch(url, { headers })).arrayBuffer());
  const slices = [
    { key: "signedOut", label: "sign-in page signed out", url: signedOutUrl, headers: {} },
    { key: "floor", label: "Settings page signed in", url: floorUrl, headers: { cookie } },
    { key: "signedIn", label: "account page signed in", url: signedInUrl, headers: { cookie } },
  ] as const;
  // Warm-up, not counted: 2 s of the same load on each page first. Before it the
  // first slice of each page measured its JIT compilation too (the sign-in page
  // did 133 req/s in its first slice, 220 in its third).
  for (const { label, url, headers } of slices) await load(`${label} (warm-up)`, url, headers, 2);
  for (let round = 1; round <= LOAD_ROUNDS; round++) {
    const figures: string[] = [];
    for (const { key, label, url, headers } of slices) {
      await settle(url, headers);
      const result = await load(label, url, headers, slice);
      totals[key] += result.requests;
      figures.push(`${label} ${(result.requests / slice).toFixed(1)} req/s (p50 ${result.p50} ms, p99 ${result.p99} ms)`);
    }
    console.log(`▸ Load round ${round}/${LOAD_ROUNDS} (${LOAD_CONNECTIONS} connections, ${slice} s each): ${figures.join(", ")}`);
  }
  const seconds = slice * LOAD_ROUNDS;
  const result = { signedOut: totals.signedOut / seconds, floor: totals.floor / seconds, signedIn: totals.signedIn / seconds };
  console.log(
    `▸ Under load, ${seconds} s each: sign-in page ${result.signedOut.toFixed(1)} req/s, Settings page ${result.floor.toFixed(1)} req/s, account page ${result.signedIn.toFixed(1)} req/s`,
  );
  return result;
}

async function main() {
  const database = await startBenchDatabase("bench-pages");
  // The launcher migrates (already done) and loads the demo data the bench signs in with.
  return withBenchApp(database, { env: { DEMO: "1" } }, async (app) => {
    const client = await database.openClient();
    const fillStarted = performance.now();
    const { accountId, middleId, entries } = await fillLedger(client, ENTRIES);
    console.log(`▸ Filled in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`);

    const cookie = await signIn(app.url);
    const page = `${app.url}/settings/iap/${accountId}`;
    const first = await measure("Account page, newest entries (chart, forecast, budgets)", page, cookie, [
      "Account Information",
      "Older entries",
      "Usage",
      "At the current rate, your credits last about",
      'data-testid="usage-chart"',
    ]);
    const deep = await measure(`Account page, ?before=${middleId} (mid-history)`, `${page}?before=${middleId}`, cookie, ["Account Information", "Newest entries"]);
    const size = await pageBytes(page, cookie);
    console.log("Figures are wall time per GET on loopback, one request at a time, on a shared 2-core machine (noisy).");
    const { signedOut, floor, signedIn } = await loadAll(`${app.url}/login`, `${app.url}/settings`, page, cookie);
    return {
      ok: entries >= ENTRIES,
      result: {
        account_page_p50_ms: Number(first.p50.toFixed(1)),
        account_page_p95_ms: Number(first.p95.toFixed(1)),
        deep_page_p50_ms: Number(deep.p50.toFixed(1)),
        deep_page_p95_ms: Number(deep.p95.toFixed(1)),
        requests: REQUESTS,
        account_page_html_bytes: size.html,
        account_page_rsc_bytes: size.rsc,
        entries,
        load_rps: Number(signedIn.toFixed(1)),
        signed_out_rps: Number(signedOut.toFixed(1)),
        load_ratio: Number((signedIn / signedOut).toFixed(2)),
        floor_rps: Number(floor.toFixed(1)),
        floor_ratio: Number((floor / signedOut).toFixed(2)),
      },
    };
  });
}

await runBench("pages", main);
