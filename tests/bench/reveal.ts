// npm run bench:reveal — the two speeds of Lead Generation from website visitors:
//   1. the IP → network range index: load time, memory (typed arrays for IPv4
//      and IPv6, and the heap the whole index takes), lookups/s over 1,000,000
//      random IPv4 and 1,000,000 random IPv6 addresses (parsing included);
//   2. the tracking endpoint on the production build (`next start`, own
//      throw-away PostgreSQL): requests/s with autocannon, 50 connections,
//      POST /api/track/<siteKey> vs GET /api/ping (a route that does nothing)
//      in the same run, rounds interleaved so background load falls on both.
// Ends with one JSON line. Options: --seconds N (per round, default 5),
// --rounds N (default 2). The app is built first when .next/ is missing or
// older than the sources (tests/support/app-build.ts).
import autocannon from "autocannon";
import { ipIndex } from "@/lib/visitors/ip-index";
import { withBenchApp } from "./bench-app";
import { startBenchDatabase } from "./bench-database";
import { runBench } from "./run-bench";
import { numberOption } from "./options";

const SECONDS = numberOption("seconds", 5);
const ROUNDS = numberOption("rounds", 2);
const LOOKUPS = 1_000_000;
const CONNECTIONS = 50;

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function randomV4(): string {
  const n = (Math.random() * 2 ** 32) >>> 0;
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

function randomV6(): string {
  // Global unicast (2000::/3), where the dataset's ranges are.
  const groups = [0x2000 + Math.floor(Math.random() * 0x2000)];
  for (let i = 1; i < 8; i++) groups.push(Math.floor(Math.random() * 0x10000));
  return groups.map((g) => g.toString(16)).join(":");
}

async function benchIndex() {
  global.gc?.();
  const heapBefore = process.memoryUsage();
  const index = await ipIndex();
  global.gc?.();
  const heapAfter = process.memoryUsage();
  const stats = index.stats();
  const result: Record<string, number> = {
    load_ms: stats.loadMs,
    ipv4_ranges: stats.ipv4Ranges,
    ipv6_ranges: stats.ipv6Ranges,
    organisations: stats.organisations,
    ipv4_arrays_mb: mb(stats.ipv4Bytes),
    ipv6_arrays_mb: mb(stats.ipv6Bytes),
    index_memory_mb: mb(heapAfter.heapUsed + heapAfter.arrayBuffers - heapBefore.heapUsed - heapBefore.arrayBuffers),
  };
  for (const [label, make] of [["ipv4", randomV4], ["ipv6", randomV6]] as const) {
    const addresses = Array.from({ length: LOOKUPS }, make);
    let found = 0;
    for (let i = 0; i < 10_000; i++) index.lookup(addresses[i]); // warm-up
    const started = performance.now();
    for (const address of addresses) if (index.lookup(address)) found++;
    const seconds = (performance.now() - started) / 1000;
    result[`${label}_lookups_per_s`] = Math.round(LOOKUPS / seconds);
    result[`${label}_found_share`] = Math.round((found / LOOKUPS) * 1000) / 1000;
  }
  // The search alone, on addresses already parsed (what parsing costs is the difference).
  const numbers = Uint32Array.from({ length: LOOKUPS }, () => (Math.random() * 2 ** 32) >>> 0);
  let hits = 0;
  const started = performance.now();
  for (const n of numbers) if (index.findV4(n) >= 0) hits++;
  result.ipv4_search_per_s = Math.round(LOOKUPS / ((performance.now() - started) / 1000));
  if (hits === 0) throw new Error("no random IPv4 address was found: the index is broken");
  console.log(
    `▸ Index: ${stats.ipv4Ranges.toLocaleString("en")} IPv4 + ${stats.ipv6Ranges.toLocaleString("en")} IPv6 ranges, ${stats.organisations.toLocaleString("en")} organisations, loaded in ${stats.loadMs} ms; ` +
      `typed arrays ${result.ipv4_arrays_mb} MB (IPv4) + ${result.ipv6_arrays_mb} MB (IPv6), heap for the whole index ≈ ${result.index_memory_mb} MB`,
  );
  console.log(
    `▸ Lookups (parsing included): IPv4 ${result.ipv4_lookups_per_s.toLocaleString("en")}/s, IPv6 ${result.ipv6_lookups_per_s.toLocaleString("en")}/s; ` +
      `the IPv4 search alone ${result.ipv4_search_per_s.toLocaleString("en")}/s`,
  );
  return result;
}

async function cannon(options: autocannon.Options) {
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors, total: result.requests.total };
}

async function benchEndpoint() {
  const database = await startBenchDatabase("bench-reveal");
  const db = database.openPool({ connectionString: database.url, max: 2 });
  return withBenchApp(database, { env: { TRUST_PROXY_HOPS: "1" }, readyPath: "/api/ping" }, async (app) => {
    const { rows } = await db.query("INSERT INTO company (name, country, currency) VALUES ('Bench shop', 'BE', 'EUR') RETURNING id");
    const siteKey = "benchSiteKey0123456789";
    const origin = "https://www.bench-shop.test";
    await db.query("INSERT INTO visitor_site (company_id, name, site_key, origins) VALUES ($1, 'Bench shop', $2, $3)", [rows[0].id, siteKey, [origin]]);

    const base = app.url;

    // Each request from another address (X-Forwarded-For, one trusted hop), so
    // the per-address rate bound does not cut the load short.
    let n = 0;
    const track: autocannon.Options = {
      url: `${base}/api/track/${siteKey}`,
      method: "POST",
      headers: { "content-type": "text/plain;charset=UTF-8", origin, "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36", "x-forwarded-for": "17.0.0.1" },
      body: JSON.stringify({ url: `${origin}/pricing`, referrer: "https://www.example.com/" }),
      setupClient: (client) => {
        client.on("response", () => {
          n++;
          client.setHeaders({
            "content-type": "text/plain;charset=UTF-8",
            origin,
            "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36",
            "x-forwarded-for": `17.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
          });
        });
      },
    };
    const noop: autocannon.Options = { url: `${base}/api/ping` };
    await cannon({ ...noop, duration: 1 }); // warm-up
    await cannon({ ...track, duration: 1 });
    const rounds: { track: Awaited<ReturnType<typeof cannon>>; noop: Awaited<ReturnType<typeof cannon>> }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const noopResult = await cannon(noop);
      const trackResult = await cannon(track);
      rounds.push({ track: trackResult, noop: noopResult });
      console.log(
        `▸ Round ${round + 1}: track ${Math.round(trackResult.rps)} req/s (p50 ${trackResult.p50} ms, p99 ${trackResult.p99} ms, non-2xx ${trackResult.non2xx}), no-op ${Math.round(noopResult.rps)} req/s (p50 ${noopResult.p50} ms)`,
      );
    }
    const stored = (await db.query("SELECT count(*)::int AS n FROM page_view")).rows[0].n as number;
    const best = (pick: (r: (typeof rounds)[number]) => number) => Math.max(...rounds.map(pick));
    const trackRps = best((r) => r.track.rps);
    const noopRps = best((r) => r.noop.rps);
    const non2xx = rounds.reduce((sum, r) => sum + r.track.non2xx + r.track.errors, 0);
    console.log(`▸ ${stored.toLocaleString("en")} page views stored; tracking/no-op = ${(trackRps / noopRps).toFixed(2)}`);
    return {
      track_rps: Math.round(trackRps),
      noop_rps: Math.round(noopRps),
      track_to_noop: Math.round((trackRps / noopRps) * 100) / 100,
      track_p99_ms: Math.max(...rounds.map((r) => r.track.p99)),
      track_non2xx: non2xx,
      page_views_stored: stored,
      connections: CONNECTIONS,
    };
  });
}

await runBench("reveal", async () => {
  const index = await benchIndex();
  const endpoint = await benchEndpoint();
  return { ok: endpoint.page_views_stored > 0, result: { ...index, ...endpoint } };
});
