// The fault test: the app serving, clients sending SMS in a loop through the
// real server action, and the PostgreSQL server stopped for 5 seconds, then
// started again. The app process must stay up; requests during the outage get
// "temporarily unavailable" (503) or a clear message, never a bare 500; once
// the database is back, requests succeed with no restart of the app; the
// ledger is conserved (`npm run ledger:verify`), and every SMS is either sent,
// logged and charged once, or none of the three.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort, startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded-postgres";
import { startAppServer, type AppServer } from "../support/app-server";
import { buildActions, callAction, Session } from "../support/http-client";
import { DEMO_PASSWORD, EMPTY_STATE, form } from "../support/security-world";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const root = path.resolve(import.meta.dirname, "..", "..");
const OUTAGE_MS = 5000;

interface Attempt {
  kind: "sms" | "page";
  clientId?: string;
  status: number;
  ok: boolean;
  text: string;
  phase: "before" | "outage" | "after";
  ms: number;
}

test.describe.configure({ timeout: 300_000 });

test("a PostgreSQL restart under load: the app lives, says 503 meanwhile, serves again after, and the ledger holds", async () => {
  const dataDir = path.join(root, ".data", `fault-${process.pid}-${randomBytes(3).toString("hex")}`);
  const port = await freePort();
  let pg: EmbeddedServer = await startEmbeddedPostgres({ dataDir, port, persistent: true, fast: true });
  let db: TestDatabase | undefined;
  let app: AppServer | undefined;
  try {
    db = await createTestDatabase("fault", pg.adminUrl);
    // Enough SMS credits for the whole run, as a ledger entry (the conservation check reads them).
    await db.pool.query(
      `WITH account AS (
         UPDATE iap_account a SET balance = a.balance + 100000 FROM iap_service s, app_user u
          WHERE s.id = a.service_id AND s.technical_name = 'sms' AND u.company_id = a.company_id AND u.email = 'admin@example.com'
          RETURNING a.id, a.balance)
       INSERT INTO ledger_entry (account_id, kind, amount, balance_after, description, idempotency_key)
       SELECT id, 'ADJUSTMENT', 100000, balance, 'fault test credits', 'fault-test' FROM account`,
    );
    app = await startAppServer({ databaseUrl: db.url });
    const session = new Session(app.url);
    expect(await session.signIn("admin@example.com", DEMO_PASSWORD)).toBe(200);
    const actions = buildActions();
    const createContact = actions.find((a) => a.name === "createContactAction")!;
    const sendSms = actions.find((a) => a.name === "sendSmsAction")!;
    const created = await callAction(session, "/contacts/new", createContact.id, [
      EMPTY_STATE,
      form({ name: "Fault Recipient", email: "", phone: "+32 470 99 88 77", mobile: "", country: "BE", street: "", city: "", zip: "" }),
    ]);
    const contactId = Number(created.redirect!.match(/\/contacts\/(\d+)/)![1]);

    let phase: Attempt["phase"] = "before";
    let stop = false;
    const attempts: Attempt[] = [];
    const client = async (sendsOnly: boolean) => {
      for (let i = 0; !stop; i++) {
        const at = phase;
        const started = Date.now();
        const ms = () => Date.now() - started;
        try {
          if (!sendsOnly && i % 3 === 2) {
            const response = await session.fetch("/contacts");
            attempts.push({ kind: "page", status: response.status, ok: response.status === 200, text: (await response.text()).slice(0, 2000), phase: at, ms: ms() });
          } else {
            const clientId = randomBytes(8).toString("hex");
            const answer = await callAction(session, `/contacts/${contactId}`, sendSms.id, [
              EMPTY_STATE,
              form({ contactId: String(contactId), number: "+32470998877", body: `Fault test ${clientId}`, clientId }),
            ]);
            const result = answer.result as { ok?: boolean; message?: string } | undefined;
            attempts.push({ kind: "sms", clientId, status: answer.status, ok: result?.ok === true, text: result?.message ?? answer.text.slice(0, 500), phase: at, ms: ms() });
          }
        } catch (error) {
          attempts.push({ kind: "sms", status: 0, ok: false, text: String(error), phase: at, ms: ms() });
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const successes = (which: Attempt["phase"]) => attempts.filter((a) => a.phase === which && a.kind === "sms" && a.ok).length;
    const waitFor = async (condition: () => boolean, what: string, ms = 60_000) => {
      const deadline = Date.now() + ms;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(attempts.slice(-5))}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    const clients = [client(false), client(true)];
    await waitFor(() => successes("before") >= 5, "SMS sent before the outage");

    phase = "outage";
    await pg.stop();
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    expect(app.child.exitCode, "the app process died during the outage").toBeNull();
    pg = await startEmbeddedPostgres({ dataDir, port, persistent: true, fast: true });
    phase = "after";

    await waitFor(() => successes("after") >= 5, "SMS sent after the database came back");
    stop = true;
    await Promise.all(clients);
    expect(app.child.exitCode, "the app process died").toBeNull();

    const tally = (which: Attempt["phase"]) => {
      const counts = new Map<string, number>();
      for (const a of attempts.filter((attempt) => attempt.phase === which)) counts.set(`${a.kind} ${a.status}${a.ok ? " ok" : ""}`, (counts.get(`${a.kind} ${a.status}${a.ok ? " ok" : ""}`) ?? 0) + 1);
      const slowest = Math.max(0, ...attempts.filter((attempt) => attempt.phase === which).map((attempt) => attempt.ms));
      return `${[...counts].map(([k, n]) => `${k}: ${n}`).join(", ")} (slowest ${slowest} ms)`;
    };
    console.log(`[fault] before: ${tally("before")} | outage: ${tally("outage")} | after: ${tally("after")}`);

    // Never a bare 500: a 503 that says what is going on, or an answer of the app.
    const unclear = attempts.filter((a) => !(a.status === 200 || (a.status === 503 && /temporarily unavailable/i.test(a.text))));
    expect(unclear, "answers that were neither the app's nor a clear 503").toEqual([]);
    const duringOutage = attempts.filter((a) => a.phase === "outage");
    expect(duringOutage.length).toBeGreaterThan(0);
    expect(duringOutage.filter((a) => a.status === 503).length, "the outage was answered 503").toBeGreaterThan(0);
    expect(duringOutage.some((a) => a.kind === "page" && a.status === 503 && /<h1>Temporarily unavailable<\/h1>/.test(a.text)), "a page during the outage is the 503 page").toBe(true);
    expect(app.logs()).toMatch(/PostgreSQL is unreachable/);
    expect(app.logs()).toMatch(/PostgreSQL is reachable again/);

    // The ledger is conserved, checked by the operators' own command.
    const verify = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "lib/cli/ledger-verify.ts"], { cwd: root, env: { ...process.env, DATABASE_URL: db!.url } });
      let output = "";
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
      child.on("exit", (code) => resolve({ code, output }));
    });
    expect(verify.output).toMatch(/Ledger conserved/);
    expect(verify.code).toBe(0);

    // Every SMS: sent + logged + charged once, or none of these.
    const { rows: holds } = await db.pool.query<{ key: string; status: string; sms_id: number | null }>(
      "SELECT idempotency_key AS key, status, (result->>'smsId')::int AS sms_id FROM credit_hold WHERE idempotency_key LIKE 'sms:%'",
    );
    const { rows: sms } = await db.pool.query<{ id: number; state: string }>("SELECT id, state FROM sms_message WHERE contact_id = $1", [contactId]);
    const { rows: logged } = await db.pool.query<{ count: string }>("SELECT count(*) FROM chatter_message WHERE contact_id = $1 AND kind = 'SMS' AND body LIKE 'SMS sent to %'", [contactId]);
    const captured = holds.filter((h) => h.status === "CAPTURED");
    // Sent = accepted by the gateway: the test gateway's simulated delivery
    // reports move a sent SMS on to DELIVERED (or FAILED) a moment later, and
    // on a slow machine that happens before these reads.
    const sent = sms.filter((m) => ["SENT", "DELIVERED", "FAILED"].includes(m.state));
    expect(new Set(captured.map((h) => h.sms_id)), "each captured hold paid one sent SMS").toEqual(new Set(sent.map((m) => m.id)));
    expect(captured.length).toBe(sent.length);
    expect(Number(logged[0].count), "each sent SMS is logged once").toBe(sent.length);
    expect(holds.length, "one hold per send at most").toBe(new Set(holds.map((h) => h.key)).size);
    // What the client was told "sent" was charged; what it was told otherwise never was, unless its answer was lost in the outage.
    for (const attempt of attempts.filter((a) => a.kind === "sms" && a.clientId)) {
      const hold = holds.find((h) => h.key === `sms:${attempt.clientId}`);
      if (attempt.ok) expect(hold?.status, `${attempt.clientId} was answered "sent"`).toBe("CAPTURED");
      else if (attempt.status === 200) expect(hold?.status ?? "none", `${attempt.clientId}: ${attempt.text}`).not.toBe("CAPTURED");
    }
    expect(successes("after")).toBeGreaterThanOrEqual(5);
  } finally {
    await app?.stop();
    await db?.drop();
    await pg.stop().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }
});
