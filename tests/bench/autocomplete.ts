// npm run bench:autocomplete — Partner Autocomplete's suggestion latency, the
// server-side library call behind GET /api/partner-autocomplete
// (suggestCompanies), over 1,000 random prefixes of real company names (3–12
// characters, some with a typo), a few VAT numbers and registration numbers,
// against the full embedded directory on its own throw-away PostgreSQL.
// Target: p95 < 50 ms. Ends with one JSON line.
// Options: --queries N (default 1000).
import { startBenchDatabase } from "./bench-database";
import { runBench } from "./run-bench";
import { numberOption } from "./options";

const QUERIES = numberOption("queries", 1000);

// A seeded generator: the same prefixes on every run.
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

await runBench("autocomplete", async () => {
  const database = await startBenchDatabase("bench-autocomplete");
  try {
    const { pool } = await import("@/lib/db/client");
    const { seedCompanyDirectory } = await import("@/lib/enrichment/directory-seed");
    const { suggestCompanies } = await import("@/lib/enrichment/autocomplete");

    const loadStarted = performance.now();
    const { companies } = await seedCompanyDirectory();
    const loadMs = performance.now() - loadStarted;
    await pool().query("ANALYZE company_directory");

    const { rows } = await pool().query("SELECT name, registration_number FROM company_directory ORDER BY id");
    const queries = Array.from({ length: QUERIES }, (_, i) => {
      const row = rows[Math.floor(random() * rows.length)];
      if (i % 50 === 0 && row.registration_number) return row.registration_number as string;
      if (i % 50 === 1) return "SE559230105401";
      const length = 3 + Math.floor(random() * 10);
      let prefix = (row.name as string).slice(0, length);
      // One query in ten has a typo: a dropped character.
      if (i % 10 === 5 && prefix.length > 5) prefix = prefix.slice(0, 3) + prefix.slice(4);
      return prefix.length >= 3 ? prefix : (row.name as string).padEnd(3, "x");
    });

    for (const q of queries.slice(0, 20)) await suggestCompanies(q); // warm the pool and plans
    const times: number[] = [];
    const slowest: { q: string; ms: number }[] = [];
    let empty = 0;
    for (const q of queries) {
      const started = performance.now();
      const result = await suggestCompanies(q);
      const ms = performance.now() - started;
      times.push(ms);
      slowest.push({ q, ms });
      if (!result.suggestions.length) empty++;
    }
    times.sort((a, b) => a - b);
    slowest.sort((a, b) => b.ms - a.ms);
    console.log(`Slowest: ${slowest.slice(0, 5).map((s) => `"${s.q}" ${Math.round(s.ms)} ms`).join(", ")}`);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
    const round = (n: number) => Math.round(n * 100) / 100;
    console.log(`Directory: ${companies} companies loaded in ${Math.round(loadMs)} ms`);
    console.log(`${QUERIES} suggestion queries: p50 ${round(pct(50))} ms, p95 ${round(pct(95))} ms, p99 ${round(pct(99))} ms, max ${round(times.at(-1)!)} ms; ${empty} with no suggestion`);
    console.log("(shared 2-core machine: figures are noisy)");
    return {
      ok: companies > 0 && empty < QUERIES,
      result: { p50_ms: round(pct(50)), p95_ms: round(pct(95)), p99_ms: round(pct(99)), companies, queries: QUERIES, no_result: empty, target_p95_ms: 50 },
    };
  } finally {
    await database.stop();
  }
});
