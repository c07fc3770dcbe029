// The crash test: a mass SMS to 2,000 contacts through a local gateway that
// speaks Twilio's API and answers in ~20 ms; the app server is killed with
// SIGKILL in the middle of the batch and a new one started on the same
// database; the batch finishes by itself, the gateway got each message once,
// the ledger charged exactly the messages sent, and `npm run ledger:verify`
// passes.
import { afterAll, beforeAll, expect, it } from "vitest";
import { disconnectDb, pool, prisma } from "@/lib/db/client";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { grant } from "@/lib/iap/ledger";
import { massSmsProgress } from "@/lib/sms/mass-sms/progress";
import { queueMassSms } from "@/lib/sms/mass-sms/queue";
import { startAppServer, type AppServer } from "@/tests/support/app-server";
import { insertMobileContacts } from "@/tests/support/contacts";
import { startTwilioServer, type TwilioServer } from "@/tests/support/twilio-server";
import { ledgerVerify, systemDatabase, until } from "./support";

const CONTACTS = 2_000;
const BODY = "Our shop reopens on Monday at 9:00. See you there!";
let database: Awaited<ReturnType<typeof systemDatabase>>;
let twilio: TwilioServer;
const servers: AppServer[] = [];

beforeAll(async () => {
  database = await systemDatabase("crash");
  twilio = await startTwilioServer({ latencyMs: 20 });
});

afterAll(async () => {
  for (const server of servers) await server.stop();
  await twilio?.close();
  await disconnectDb();
  await database?.drop();
});

function appServer() {
  return startAppServer({
    databaseUrl: database.url,
    env: {
      TWILIO_ACCOUNT_SID: "AC00000000000000000000000000000001",
      TWILIO_AUTH_TOKEN: "test-token",
      TWILIO_FROM: "+15005550006",
      TWILIO_API_URL: twilio.url,
      // Four requests in flight at ~20 ms each: the batch takes long enough to be killed in the middle.
      SMS_CONCURRENCY: "4",
      JOBS_CONCURRENCY: "2",
    },
  }).then((server) => (servers.push(server), server));
}

it("a mass SMS killed mid-batch finishes after a restart: each message sent once, charged exactly what was sent", async () => {
  const company = await prisma().company.create({ data: { name: "Crash Test Company", country: "BE", currency: "EUR" } });
  const user = await prisma().user.create({ data: { companyId: company.id, email: "crash@test.example", name: "Crash", passwordHash: "x", role: "ADMIN" } });
  const account = await getOrCreateAccount(company.id, "sms");
  await grant(account, 10_000_000n, { kind: "ADJUSTMENT", description: "credits for the test", idempotencyKey: "opening" });
  const contactIds = await insertMobileContacts(pool(), company.id, CONTACTS);

  const first = await appServer();
  const queued = await queueMassSms({ companyId: company.id, userId: user.id, contactIds, body: BODY, idempotencyKey: "crash-batch" });
  expect(queued).toMatchObject({ status: "queued", messages: CONTACTS });
  if (queued.status !== "queued") return;

  // In the middle of the second chunk (500 messages each): requests in flight, outcomes not yet recorded.
  await until("the batch to be well under way", async () => twilio.accepted.length >= 700, 120_000, 20);
  // A crash: no shutdown of any kind; stop() then only waits until none of the server's processes is left.
  first.kill("SIGKILL");
  await first.stop();
  const atKill = twilio.accepted.length;
  const states = await pool().query<{ state: string; n: number }>("SELECT state::text, count(*)::int AS n FROM sms_message WHERE company_id = $1 GROUP BY state ORDER BY state", [company.id]);
  console.log(`killed the app server with SIGKILL after the gateway had accepted ${atKill} of ${CONTACTS} messages; rows then: ${JSON.stringify(states.rows)}`);
  expect(atKill).toBeLessThan(CONTACTS);
  const halfway = await massSmsProgress(company.id, queued.batchKey);
  expect(halfway.done).toBe(false);

  const restarted = Date.now();
  await appServer();
  const done = await until("the batch to finish after the restart", async () => {
    const progress = await massSmsProgress(company.id, queued.batchKey);
    return progress.done && progress;
  }, 180_000, 500);
  console.log(`the batch finished ${((Date.now() - restarted) / 1000).toFixed(1)} s after the restart; the gateway got ${twilio.posts} requests for ${CONTACTS} messages`);

  // The gateway: every number exactly once, nothing else.
  const numbers = (await prisma().smsMessage.findMany({ where: { companyId: company.id, batchKey: queued.batchKey }, select: { number: true } })).map((m) => m.number);
  expect(new Set(numbers).size).toBe(CONTACTS);
  expect(numbers.filter((to) => twilio.acceptedCount(to, BODY) !== 1)).toEqual([]);
  expect(twilio.accepted).toHaveLength(CONTACTS);

  // The app: all sent, and the batch's one hold captured for exactly what was sent.
  expect(done).toMatchObject({ messages: CONTACTS, sent: CONTACTS, failed: 0, queued: 0 });
  const sentCredits = await pool().query<{ total: string }>("SELECT sum(credits) AS total FROM sms_message WHERE company_id = $1 AND state = 'SENT'", [company.id]);
  const hold = await prisma().creditHold.findFirstOrThrow({ where: { accountId: account.id, reference: `sms-batch:${queued.batchKey}` } });
  expect(hold.status).toBe("CAPTURED");
  expect(hold.capturedAmount).toBe(BigInt(sentCredits.rows[0].total));
  const usage = await prisma().ledgerEntry.findMany({ where: { accountId: account.id, kind: "USAGE" } });
  expect(usage.map((e) => e.amount)).toEqual([-BigInt(sentCredits.rows[0].total)]);
  expect((await prisma().iapAccount.findUniqueOrThrow({ where: { id: account.id } })).held).toBe(0n);
  const chatter = await pool().query<{ n: number }>("SELECT count(*)::int AS n FROM chatter_message m JOIN contact c ON c.id = m.contact_id WHERE c.company_id = $1", [company.id]);
  expect(chatter.rows[0].n).toBe(CONTACTS);

  const verify = await ledgerVerify(database.url);
  expect(verify.output).toMatch(/Ledger conserved/);
  expect(verify.code).toBe(0);
});
