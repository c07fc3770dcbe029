// npm run bench:sms — mass SMS to 10,000 contacts through the project's own
// send path (queueMassSms + runMassSmsBatch, the code behind the dialog's
// "Send") with the test gateway, on its own throw-away embedded PostgreSQL.
// Prints the figures, checks the ledger still conserves (balance = sum of
// entries, held = pending holds), and ends with one JSON line.
// Options: --messages N (default 10000), --chunk N (default 500).
import { randomUUID } from "node:crypto";
import { fundedSmsCompany, withCatalogueDatabase } from "./bench-database";
import { runBench } from "./run-bench";
import { numberOption } from "./options";

const MESSAGES = numberOption("messages", 10_000);
const CHUNK = numberOption("chunk", 500);

await runBench("sms", () =>
  withCatalogueDatabase("bench-sms", async (database) => {
    const { pool } = await import("@/lib/db/client");
    const { TestSmsGateway } = await import("@/lib/sms/gateways");
    const { queueMassSms } = await import("@/lib/sms/mass-sms/queue");
    const { runMassSmsBatch } = await import("@/lib/sms/mass-sms/run");
    const { massSmsProgress } = await import("@/lib/sms/mass-sms/progress");

    const { company, user } = await fundedSmsCompany("sms", 10_000_000n, "FR");

    // 10,000 French mobiles, typed the way people type them: "06 12 34 56 78".
    const numbers = Array.from({ length: MESSAGES }, (_, i) => {
      const n = String(10_000_000 + i).slice(-8);
      return `06 ${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4, 6)} ${n.slice(6, 8)}`;
    });
    const created = await pool().query(
      `INSERT INTO contact (company_id, name, mobile, country, updated_at)
       SELECT $1, 'Contact ' || i, m, 'FR', now() FROM unnest($2::text[]) WITH ORDINALITY AS t(m, i) RETURNING id`,
      [company.id, numbers],
    );
    const contactIds = created.rows.map((r) => r.id as number);
    const body = "Our spring sale starts Monday: 20% off everything in store and online. Reply STOP to opt out.";

    const started = performance.now();
    const queued = await queueMassSms({ companyId: company.id, userId: user.id, contactIds, body, idempotencyKey: randomUUID(), chunkSize: CHUNK });
    if (queued.status !== "queued") throw new Error(`Batch not queued: ${JSON.stringify(queued, (_k, v) => (typeof v === "bigint" ? String(v) : v))}`);
    const queuedAt = performance.now();
    // The chunk jobs' work, in this process, one chunk after the other (what the job queue does, minus its wait).
    await runMassSmsBatch(company.id, queued.batchKey, { gateway: new TestSmsGateway() });
    const progress = await massSmsProgress(company.id, queued.batchKey);
    const seconds = (performance.now() - started) / 1000;

    const check = await pool().query(
      `SELECT a.id, a.balance, a.held,
              (SELECT COALESCE(sum(amount), 0) FROM ledger_entry e WHERE e.account_id = a.id) AS ledger,
              (SELECT COALESCE(sum(amount), 0) FROM credit_hold h WHERE h.account_id = a.id AND h.status = 'PENDING') AS pending
         FROM iap_account a`,
    );
    const conserved = check.rows.every((r) => BigInt(r.balance) === BigInt(r.ledger) && BigInt(r.held) === BigInt(r.pending));
    const chatter = await pool().query("SELECT count(*)::int AS n FROM chatter_message cm JOIN contact c ON c.id = cm.contact_id WHERE c.company_id = $1", [company.id]);
    const sentRows = await pool().query("SELECT count(*)::int AS n FROM sms_message WHERE company_id = $1 AND state = 'SENT'", [company.id]);

    console.log(`Mass SMS to ${MESSAGES} contacts (test gateway, chunks of ${CHUNK}), PostgreSQL ${database.url.replace(/\/\/.*@/, "//…@")}`);
    console.log(`  plan + hold + queue:   ${((queuedAt - started) / 1000).toFixed(2)} s`);
    console.log(`  send + record + charge: ${((performance.now() - queuedAt) / 1000).toFixed(2)} s`);
    console.log(`  total:                 ${seconds.toFixed(2)} s, ${Math.round(progress.sent / seconds)} messages/s`);
    console.log(`  sent ${progress.sent}, failed ${progress.failed}, chatter entries ${chatter.rows[0].n}, SMS rows SENT ${sentRows.rows[0].n}, credits used ${progress.creditsText}`);
    console.log(`  ledger conserved (balance = Σ entries, held = Σ pending holds): ${conserved}`);
    console.log("  (2 shared cores: figures vary with what else runs on the machine)");
    return {
      ok: conserved && progress.sent === MESSAGES,
      result: { messages: progress.sent, seconds: Number(seconds.toFixed(3)), per_s: Math.round(progress.sent / seconds), conserved },
    };
  }),
);
