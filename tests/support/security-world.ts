// Two companies on a database of their own, served by an app server of their
// own, for the authorization matrix and the fuzz test:
//   company A — the demo company: its USER and its ADMIN, and one of each of
//               its resources, made through the app's own actions over HTTP
//               (contact, letter, document, signature request and its
//               signer's link, outgoing e-mails, a pending and a paid purchase,
//               webhook endpoints and a delivery, API keys and two holds made
//               through the public API, an invited user), plus a lead and a
//               spare active user;
//   company B — made directly in the database, with its ADMIN, an empty SMS
//               account (and an API key).
// And a fifth "persona", signed out.
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { open } from "@/lib/secrets/seal";
import { startAppServer, type AppServer } from "./app-server";
import { buildActions, callAction, Session, type ActionEntry } from "./http-client";
import { samplePdf } from "./pdf";
import { createTestDatabase, type TestDatabase } from "./test-database";

export const PERSONAS = ["signedOut", "userA", "adminA", "adminB"] as const;
/**
 * The four personas, and "stale": a signed session whose user has since been
 * deleted. The proxy lets such a cookie through (it only checks the token), so
 * this is what shows that every page, route and action checks the caller itself.
 */
export type Persona = (typeof PERSONAS)[number] | "stale";

export const DEMO_PASSWORD = "demo1234";
/** The world's server's NEXTAUTH_SECRET: the key that opens the secret links sealed in its outbox. */
const SESSION_SECRET = "security-world-secret-not-for-production";

export interface CompanyA {
  companyId: number;
  contactId: number;
  accountId: number;
  letterId: number;
  documentId: number;
  requestId: number;
  signingToken: string;
  emailId: number;
  pendingPurchaseId: number;
  secondPendingPurchaseId: number;
  paidPurchaseId: number;
  leadId: number;
  packId: number;
  siteId: number;
  siteKey: string;
  ruleId: number;
  /** A webhook endpoint (the one the matrix pauses), one to delete, and a delivery of the first. */
  endpointId: number;
  spareEndpointId: number;
  deliveryId: string;
  /** An API key the matrix revokes (not one the personas use). */
  spareKeyId: number;
  /** Holds made through the public API: one to capture, one to release. */
  holdId: number;
  secondHoldId: number;
  /** A spare active USER of A that the matrix promotes, deactivates and reactivates; a user invited through Settings → Users. */
  spareUserId: number;
  invitedUserId: number;
  /** Two more documents, for the two personas allowed to delete one (its USER, then its ADMIN). */
  spareDocumentIds: [number, number];
  /** A second signature request (sent by A's ADMIN) and its signer, for Copy link, Resend and Cancel. */
  spareRequestId: number;
  spareSignerId: number;
  /** Two failed background jobs of A (job_run rows): one to retry, one to discard. */
  retryRunId: string;
  discardRunId: string;
  /** A number on A's SMS opt-out list, for the matrix to remove. */
  optOutId: number;
}

/**
 * The credential each persona presents to the public API (/api/v1 takes API
 * keys, not sessions): none when signed out, a revoked key for "stale", a
 * read-only key of A for its USER (the scope a user-level integration would
 * get), a read + charge key of A for its ADMIN, and B's read + charge key.
 */
export type ApiKeys = Record<Persona, string | null>;

export interface World {
  app: AppServer;
  db: TestDatabase;
  sessions: Record<Persona, Session>;
  actions: ActionEntry[];
  a: CompanyA;
  b: { companyId: number; adminEmail: string; smsAccountId: number };
  apiKeys: ApiKeys;
  action(name: string): ActionEntry;
  stop(): Promise<void>;
}

/** The first state useActionState hands a form action. */
export const EMPTY_STATE = null;

function redirectTarget(answer: { redirect?: string | null }): string {
  if (!answer.redirect) throw new Error("expected the action to redirect");
  return answer.redirect.split(";")[0];
}

export function form(fields: Record<string, string | Blob | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (Array.isArray(value)) for (const item of value) data.append(name, item);
    else data.append(name, value);
  }
  return data;
}

export async function buildWorld(label: string, env: Record<string, string> = {}): Promise<World> {
  // Migrated and seeded (DEMO=1: company A is the demo company) by the app server's launcher, started next.
  const db = await createTestDatabase(label, undefined, { seeded: false });
  // No background work: the matrix and the fuzz test compare the database before
  // and after each call, and a worker's own writes would be taken for the call's.
  const app = await startAppServer({
    databaseUrl: db.url,
    // Webhook endpoints on loopback may be saved (nothing is delivered: the worker is off).
    // DEMO=1: company A is the demo company, and its purchases go through the demo checkout.
    // JOBS_CONCURRENCY=0: the job system runs nothing in this process (calls still queue their jobs).
    // SMS_TEST_REPORT_DELAY_MS=0: the test gateway sends no simulated delivery reports, which would
    // change sms_message in the middle of a refusal and look like the refused call's doing.
    env: { DEMO: "1", NEXTAUTH_SECRET: SESSION_SECRET, CRON_SECRET: "test-cron-secret", JOBS_CONCURRENCY: "0", SMS_TEST_REPORT_DELAY_MS: "0", WEBHOOK_ALLOW_PRIVATE_URLS: "1", ...env },
  });
  const actions = buildActions();
  const action = (name: string) => {
    const found = actions.find((entry) => entry.name === name);
    if (!found) throw new Error(`No server action ${name} in the build`);
    return found;
  };

  // Company B, straight into the database.
  const suffix = randomBytes(4).toString("hex");
  const { rows: companies } = await db.pool.query<{ id: number }>(
    "INSERT INTO company (name, country, currency, street, city, zip) VALUES ($1, 'FR', 'EUR', '1 rue de Rivoli', 'Paris', '75001') RETURNING id",
    [`Company B ${suffix}`],
  );
  const bCompanyId = companies[0].id;
  const bAdminEmail = `admin-b-${suffix}@test.example`;
  await db.pool.query(`INSERT INTO app_user (company_id, email, name, password_hash, role) VALUES ($1, $2, 'Admin of B', $3, 'ADMIN'::"Role")`, [
    bCompanyId,
    bAdminEmail,
    await bcrypt.hash(DEMO_PASSWORD, 4),
  ]);
  // B's own (empty) SMS account from the start: what B's key reads under /accounts/sms is then
  // always B's account, whichever page or call would otherwise have opened it first.
  await db.pool.query("INSERT INTO iap_account (company_id, service_id) SELECT $1, id FROM iap_service WHERE technical_name = 'sms'", [bCompanyId]);

  const { rows: demo } = await db.pool.query<{ company_id: number }>("SELECT company_id FROM app_user WHERE email = 'admin@example.com'");
  const aCompanyId = demo[0].company_id;
  const staleEmail = `stale-${suffix}@test.example`;
  await db.pool.query(`INSERT INTO app_user (company_id, email, name, password_hash, role) VALUES ($1, $2, 'Gone Soon', $3, 'ADMIN'::"Role")`, [
    aCompanyId,
    staleEmail,
    await bcrypt.hash(DEMO_PASSWORD, 4),
  ]);

  const sessions = Object.fromEntries([...PERSONAS, "stale"].map((persona) => [persona, new Session(app.url)])) as Record<Persona, Session>;
  const logins: [Persona, string][] = [
    ["userA", "user@example.com"],
    ["adminA", "admin@example.com"],
    ["adminB", bAdminEmail],
    ["stale", staleEmail],
  ];
  for (const [persona, email] of logins) {
    const status = await sessions[persona].signIn(email, DEMO_PASSWORD);
    if (status !== 200 || !sessions[persona].signedIn) throw new Error(`${persona} could not sign in (HTTP ${status})`);
  }
  await db.pool.query("DELETE FROM app_user WHERE email = $1", [staleEmail]);
  const admin = sessions.adminA;

  // A's users for Settings → Users: a spare one to promote, deactivate and reactivate, one invited (no password yet).
  const { rows: spareRows } = await db.pool.query<{ id: number }>(
    `INSERT INTO app_user (company_id, email, name, password_hash, role) VALUES ($1, $2, 'Spare User', $3, 'USER'::"Role") RETURNING id`,
    [aCompanyId, `spare-${suffix}@test.example`, await bcrypt.hash(DEMO_PASSWORD, 4)],
  );
  const invitedEmail = `invited-${suffix}@test.example`;
  const invited = await callAction(admin, "/settings/users", action("inviteUserAction").id, [EMPTY_STATE, form({ email: invitedEmail, name: "Ivy Invited", role: "USER" })]);
  if (!(invited.result as { ok?: boolean })?.ok) throw new Error(`User not invited: ${JSON.stringify(invited.result)}`);
  const { rows: invitedRows } = await db.pool.query<{ id: number }>("SELECT id FROM app_user WHERE email = $1 AND status = 'INVITED'", [invitedEmail]);

  // Company A's resources, made as its admin would make them.
  const created = await callAction(admin, "/contacts/new", action("createContactAction").id, [
    EMPTY_STATE,
    form({ name: "Matrix Contact", email: "matrix@test.example", phone: "+32 470 12 34 56", mobile: "", country: "BE", street: "Meir 1", city: "Antwerpen", zip: "2000" }),
  ]);
  const contactId = Number(redirectTarget(created).match(/^\/contacts\/(\d+)/)![1]);

  const sms = await callAction(admin, `/contacts/${contactId}`, action("sendSmsAction").id, [
    EMPTY_STATE,
    form({ contactId: String(contactId), number: "+32470123456", body: "Hello from the matrix", clientId: randomBytes(8).toString("hex") }),
  ]);
  if (!(sms.result as { ok?: boolean })?.ok) throw new Error(`SMS not sent: ${JSON.stringify(sms.result)}`);

  const letter = await callAction(admin, `/contacts/${contactId}/post`, action("sendLetterAction").id, [
    EMPTY_STATE,
    form({ contactId: String(contactId), mode: "letter", subject: "Matrix letter", body: "Dear reader,\nthis is a letter.", color: "bw", sides: "simplex" }),
  ]);
  const letterId = (letter.result as { data?: { letterId?: number } })?.data?.letterId;
  if (!letterId) throw new Error(`Letter not queued: ${JSON.stringify(letter.result)}`);

  const pdf = new Uint8Array(await samplePdf());
  const upload = await callAction(admin, "/documents", action("uploadDocumentsAction").id, [
    EMPTY_STATE,
    form({ kind: "VENDOR_BILL", files: new File([pdf], "bill.pdf", { type: "application/pdf" }) }),
  ]);
  if (!(upload.result as { ok?: boolean })?.ok) throw new Error(`Upload refused: ${JSON.stringify(upload.result)}`);
  const { rows: uploaded } = await db.pool.query<{ id: number }>("SELECT id FROM document WHERE company_id = $1 ORDER BY id DESC LIMIT 1", [aCompanyId]);
  // Two more (the same bytes again, confirmed as a deliberate duplicate) for the matrix to delete.
  const spareDocumentIds: number[] = [];
  for (const name of ["spare-1.pdf", "spare-2.pdf"]) {
    const again = await callAction(admin, "/documents", action("uploadDocumentsAction").id, [
      EMPTY_STATE,
      form({ kind: "VENDOR_BILL", files: new File([pdf], name, { type: "application/pdf" }), confirmDuplicates: "1" }),
    ]);
    if (!(again.result as { ok?: boolean })?.ok) throw new Error(`Spare upload refused: ${JSON.stringify(again.result)}`);
    const { rows } = await db.pool.query<{ id: number }>("SELECT id FROM document WHERE company_id = $1 ORDER BY id DESC LIMIT 1", [aCompanyId]);
    spareDocumentIds.push(rows[0].id);
  }

  /** A signature request sent by A's ADMIN to one signer (no identity check): its id. */
  const sendSignatureRequest = async (title: string, signer: { name: string; email: string }, fileName: string) => {
    const sent = await callAction(admin, "/sign/new", action("sendSignatureRequestAction").id, [
      EMPTY_STATE,
      form({ title, signers: JSON.stringify([{ ...signer, requireVerification: false }]), document: new File([pdf], fileName, { type: "application/pdf" }) }),
    ]);
    return Number(redirectTarget(sent).match(/^\/sign\/(\d+)/)![1]);
  };
  const requestId = await sendSignatureRequest("Matrix agreement", { name: "Sam Signer", email: "sam.signer@test.example" }, "agreement.pdf");
  const spareRequestId = await sendSignatureRequest("Spare matrix agreement", { name: "Sue Signer", email: "sue.signer@test.example" }, "spare-agreement.pdf");
  const { rows: spareSigners } = await db.pool.query<{ id: number }>("SELECT id FROM signer WHERE request_id = $1", [spareRequestId]);

  // Webhook endpoints before the purchases, so that the paid one leaves a delivery.
  const endpoint = async (description: string) => {
    const added = await callAction(admin, "/settings/webhooks", action("createEndpointAction").id, [
      EMPTY_STATE,
      form({ url: "http://127.0.0.1:9/webhooks/iap", description, events: ["purchase.completed", "balance.low"] }),
    ]);
    const endpointId = (added.result as { data?: { endpointId?: number } })?.data?.endpointId;
    if (!endpointId) throw new Error(`Webhook endpoint not added: ${JSON.stringify(added.result)}`);
    return endpointId;
  };
  const endpointId = await endpoint("A's endpoint");
  const spareEndpointId = await endpoint("A's spare endpoint");

  const { rows: packs } = await db.pool.query<{ id: number }>(
    "SELECT p.id FROM credit_pack p JOIN iap_service s ON s.id = p.service_id WHERE s.technical_name = 'sms' ORDER BY p.credits LIMIT 1",
  );
  const packId = packs[0].id;
  const purchaseIds: number[] = [];
  for (let i = 0; i < 3; i++) {
    const bought = await callAction(admin, "/iap/buy/sms", action("buyPackAction").id, [EMPTY_STATE, form({ service: "sms", packId: String(packId) })]);
    purchaseIds.push(Number(redirectTarget(bought).match(/\/iap\/checkout\/demo\/(\d+)/)![1]));
  }
  const paid = await callAction(admin, `/iap/checkout/demo/${purchaseIds[2]}`, action("payDemoPurchaseAction").id, [EMPTY_STATE, form({ purchaseId: String(purchaseIds[2]) })]);
  redirectTarget(paid);

  const apiKey = async (session: Session, name: string, scopes: string[]) => {
    const created = await callAction(session, "/settings/api-keys", action("createApiKeyAction").id, [EMPTY_STATE, form({ name, scopes })]);
    const key = (created.result as { data?: { key?: string } })?.data?.key;
    if (!key) throw new Error(`API key not created: ${JSON.stringify(created.result)}`);
    return key;
  };
  const keyId = async (name: string) => Number((await db.pool.query<{ id: number }>("SELECT id FROM api_key WHERE name = $1", [name])).rows[0].id);
  const apiKeys: ApiKeys = {
    signedOut: null,
    stale: await apiKey(admin, "A's revoked key", ["read", "charge"]),
    userA: await apiKey(admin, "A's read-only key", ["read"]),
    adminA: await apiKey(admin, "A's key", ["read", "charge"]),
    adminB: await apiKey(sessions.adminB, "B's key", ["read", "charge"]),
  };
  const revoked = await callAction(admin, "/settings/api-keys", action("revokeApiKeyAction").id, [EMPTY_STATE, form({ id: String(await keyId("A's revoked key")) })]);
  if (!(revoked.result as { ok?: boolean })?.ok) throw new Error(`API key not revoked: ${JSON.stringify(revoked.result)}`);
  await apiKey(admin, "A's spare key", ["read"]);
  const spareKeyId = await keyId("A's spare key");
  const hold = async (description: string) => {
    const response = await fetch(`${app.url}/api/v1/holds`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKeys.adminA}`, "content-type": "application/json", "idempotency-key": randomBytes(8).toString("hex") },
      body: JSON.stringify({ service: "sms", amount: "1", description, expires_in: 7 * 24 * 3600 }),
    });
    const body = (await response.json()) as { id?: number };
    if (response.status !== 201 || !body.id) throw new Error(`Hold not made (HTTP ${response.status}): ${JSON.stringify(body)}`);
    return body.id;
  };
  const holdId = await hold("Matrix hold");
  const secondHoldId = await hold("Second matrix hold");

  const { rows: directory } = await db.pool.query<{ id: number; name: string; country: string }>("SELECT id, name, country FROM company_directory ORDER BY id LIMIT 1");
  const { rows: leads } = await db.pool.query<{ id: number }>(
    "INSERT INTO lead (company_id, directory_company_id, name, country, source) VALUES ($1, $2, $3, $4, 'matrix') RETURNING id",
    [aCompanyId, directory[0].id, directory[0].name, directory[0].country],
  );

  await callAction(admin, "/settings/lead-generation", action("registerSiteAction").id, [EMPTY_STATE, form({ name: "A's website", origins: "https://www.company-a.example" })]);
  await callAction(admin, "/settings/lead-generation", action("createRuleAction").id, [
    EMPTY_STATE,
    form({ name: "A's rule", countries: ["BE"], urlPatterns: "/pricing", minPageViews: "1", maxLeadsPerDay: "5", active: "on" }),
  ]);

  // Settings → SMS: a number on A's opt-out list.
  const optedOut = await callAction(admin, "/settings/sms", action("addOptOutAction").id, [EMPTY_STATE, form({ number: "+32 470 11 22 33" })]);
  if (!(optedOut.result as { ok?: boolean })?.ok) throw new Error(`Opt-out not added: ${JSON.stringify(optedOut.result)}`);
  // Settings → Background jobs: two of A's jobs that failed for good (the worker is off: written as it would write them).
  const failedRun = async () => {
    const { rows } = await db.pool.query<{ id: string }>(
      `INSERT INTO job_run (task, company_id, job_id, outcome, attempts, error, payload, duration_ms)
       VALUES ('letters.run', $1, 0, 'FAILED'::"JobOutcome", 5, 'Matrix failure', $2::jsonb, 10) RETURNING id::text`,
      [aCompanyId, JSON.stringify({ companyId: aCompanyId })],
    );
    return rows[0].id;
  };
  const retryRunId = await failedRun();
  const discardRunId = await failedRun();

  const one = async (sql: string, values: unknown[]) => {
    const { rows } = await db.pool.query(sql, values);
    if (!rows[0]) throw new Error(`Nothing found for ${sql}`);
    return rows[0] as Record<string, unknown>;
  };
  const account = await one("SELECT a.id FROM iap_account a JOIN iap_service s ON s.id = a.service_id WHERE a.company_id = $1 AND s.technical_name = 'sms'", [aCompanyId]);
  const document = { id: uploaded[0].id };
  const optOut = await one("SELECT id FROM sms_opt_out WHERE company_id = $1", [aCompanyId]);
  const bAccount = await one("SELECT a.id FROM iap_account a JOIN iap_service s ON s.id = a.service_id WHERE a.company_id = $1 AND s.technical_name = 'sms'", [bCompanyId]);
  const site = await one("SELECT id, site_key FROM visitor_site WHERE company_id = $1", [aCompanyId]);
  const rule = await one("SELECT id FROM visitor_rule WHERE company_id = $1", [aCompanyId]);
  // Digitizing is off on this server: put the document where a reviewer can confirm it.
  await db.pool.query("UPDATE document SET state = 'TO_REVIEW' WHERE id = ANY($1::int[])", [[document.id, ...spareDocumentIds]]);
  // The signer's e-mail keeps its link sealed (lib/mail/secret-link.ts): opened as the delivery step would.
  const email = await one("SELECT id, sealed_link FROM outgoing_email WHERE company_id = $1 AND subject LIKE '%Matrix agreement%' ORDER BY id DESC LIMIT 1", [aCompanyId]);
  const signingLink = open("outbox-link", String(email.sealed_link), SESSION_SECRET);
  if (!signingLink) throw new Error("The signing e-mail's link could not be opened");
  const signingToken = signingLink.match(/\/s\/([A-Za-z0-9_-]{43})/)![1];
  const delivery = await one("SELECT id FROM webhook_delivery WHERE endpoint_id = $1 ORDER BY id LIMIT 1", [endpointId]);

  return {
    app,
    db,
    sessions,
    actions,
    action,
    a: {
      companyId: aCompanyId,
      contactId,
      accountId: Number(account.id),
      letterId,
      documentId: Number(document.id),
      requestId,
      signingToken,
      emailId: Number(email.id),
      pendingPurchaseId: purchaseIds[0],
      secondPendingPurchaseId: purchaseIds[1],
      paidPurchaseId: purchaseIds[2],
      leadId: leads[0].id,
      packId,
      siteId: Number(site.id),
      siteKey: String(site.site_key),
      ruleId: Number(rule.id),
      endpointId,
      spareEndpointId,
      deliveryId: String(delivery.id),
      spareKeyId,
      holdId,
      secondHoldId,
      spareUserId: spareRows[0].id,
      invitedUserId: invitedRows[0].id,
      spareDocumentIds: [spareDocumentIds[0], spareDocumentIds[1]],
      spareRequestId,
      spareSignerId: spareSigners[0].id,
      retryRunId,
      discardRunId,
      optOutId: Number(optOut.id),
    },
    b: { companyId: bCompanyId, adminEmail: bAdminEmail, smsAccountId: Number(bAccount.id) },
    apiKeys,
    async stop() {
      await app.stop();
      await db.drop();
    },
  };
}
