import { mkdtempSync, readdirSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { pool, prisma } from "@/lib/db/client";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { balanceOf, grant } from "@/lib/iap/ledger";
import { reserve, capture } from "@/lib/iap/holds";
import { createCompany } from "@/tests/support/fixtures";
import { checkContactAddress, prepareLetter, queueLetter } from "./compose";
import { availableForLetters, findLetterPdf } from "./letters";
import { processLetter, runCompanyLetters, runLetterQueueOnce, sweepLetters } from "./queue";
import { cancelLetter, resendLetter } from "./letter-actions";
import { PingenProvider } from "./providers/pingen";
import { ProviderRefusedError, type OutgoingLetter, type PostalProvider } from "./providers/provider";
import { TestPostOffice } from "./providers/test-post-office";
import { decodeLetterError } from "./letter-error";
import { listMessages } from "@/lib/contacts/chatter";

// Rendering letters embeds a font: seconds each on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

/** The test post office, counting what reaches it (a "retry storm" would show here). */
class CountingPostOffice extends TestPostOffice {
  received: number[] = [];
  keys: string[] = [];
  constructor() {
    super(mkdtempSync(path.join(tmpdir(), "post-office-")));
  }
  override async send(letter: OutgoingLetter) {
    this.received.push(letter.id);
    this.keys.push(letter.idempotencyKey);
    return super.send(letter);
  }
}

class RefusingProvider implements PostalProvider {
  readonly name = "test" as const;
  readonly label = "refuses";
  readonly posts = false;
  received: number[] = [];
  async send(letter: OutgoingLetter): Promise<never> {
    this.received.push(letter.id);
    throw new ProviderRefusedError("Address not deliverable");
  }
  async find() {
    return null;
  }
}

async function companyWithCredits(credits: bigint) {
  const { company, admin } = await createCompany({ country: "BE" });
  await prisma().company.update({ where: { id: company.id }, data: { street: "Rue de la Loi 16", city: "Brussels", zip: "1000" } });
  const account = await getOrCreateAccount(company.id, "snailmail");
  if (credits > 0n) await grant(account, credits, { kind: "ADJUSTMENT", description: "opening", idempotencyKey: "opening" });
  return { company, admin, account };
}

const ADDRESSES = {
  BE: { street: "Meir 1", city: "Antwerpen", zip: "2000", country: "BE" },
  PL: { street: "ul. Piotrkowska 104", city: "Łódź", zip: "90-001", country: "PL" },
  US: { street: "1600 Pennsylvania Ave NW", city: "Washington", zip: "20500", country: "US" },
};

async function letterTo(companyId: number, userId: number, where: keyof typeof ADDRESSES, subject = `Letter to ${where}`) {
  const contact = await prisma().contact.create({ data: { companyId, name: `Contact ${where}`, ...ADDRESSES[where] } });
  const queued = await queueLetter({ companyId, contactId: contact.id, createdById: userId, subject, body: "Hello", color: false, duplex: false });
  if (!queued.ok) throw new Error(`Letter refused: ${queued.problem.code}`);
  return queued.letterId;
}

const letterRow = (id: number) => prisma().letter.findUniqueOrThrow({ where: { id }, omit: { pdf: true } });

describe("composing", () => {
  it("shows an eligible company its 5 trial credits without opening the account; the first letter opens it", async () => {
    const { company, admin } = await createCompany({ trialEligible: true });
    await prisma().company.update({ where: { id: company.id }, data: { street: "Rue de la Loi 16", city: "Brussels", zip: "1000" } });
    expect(await availableForLetters(company.id)).toEqual({ units: 5n, decimals: 0 });
    expect(await prisma().iapAccount.count({ where: { companyId: company.id } })).toBe(0);
    const id = await letterTo(company.id, admin.id, "BE");
    expect(await runLetterQueueOnce({ provider: new CountingPostOffice(), companyId: company.id })).toMatchObject({ sent: 1 });
    expect(await letterRow(id)).toMatchObject({ state: "SENT" });
    expect(await availableForLetters(company.id)).toEqual({ units: 3n, decimals: 0 });
  });

  it("a contact without a city: the check names the field, nothing is queued or charged", async () => {
    const { company, account } = await companyWithCredits(10n);
    const contact = await prisma().contact.create({ data: { companyId: company.id, name: "No City", street: "Meir 1", zip: "2000", country: "BE" } });
    const result = await prepareLetter({ companyId: company.id, contactId: contact.id, subject: "Hi", body: "Hello", color: false, duplex: false });
    expect(result).toEqual({ ok: false, code: "MISSING_FIELDS", problem: { code: "address", missing: ["city"], invalid: {} } });
    expect(await prisma().letter.count({ where: { companyId: company.id } })).toBe(0);
    expect(await balanceOf(account.id)).toBe(10n);
  });

  it("prices a queued letter by zone and does not charge until the queue posts it", async () => {
    const { company, admin, account } = await companyWithCredits(10n);
    const id = await letterTo(company.id, admin.id, "US");
    expect(await letterRow(id)).toMatchObject({ state: "QUEUED", zone: "world", credits: 4n, pages: 1, sheets: 1 });
    expect(await balanceOf(account.id)).toBe(10n);
    // Another company cannot see this contact.
    const other = await createCompany();
    const letter = await letterRow(id);
    expect(await checkContactAddress(other.company.id, letter.contactId!)).toBeNull();
  });

  it("an attached A4 document gets a cover page and is priced by its sheets; a non-A4 one is refused by name", async () => {
    const { company, admin } = await companyWithCredits(0n);
    const contact = await prisma().contact.create({ data: { companyId: company.id, name: "Doc Recipient", ...ADDRESSES.BE } });
    const document = await PDFDocument.create();
    for (let i = 0; i < 4; i++) document.addPage([595.28, 841.89]);
    const bytes = await document.save();
    const base = { companyId: company.id, contactId: contact.id, subject: "Invoice", color: false, document: { name: "invoice.pdf", bytes } };
    // Single-sided: cover + 4 pages = 5 sheets (tier 4–8, domestic 3); double-sided: cover, blank back, 4 pages = 3 sheets (2).
    expect(await prepareLetter({ ...base, duplex: false })).toMatchObject({ ok: true, pages: 5, sheets: 5, credits: 3n });
    expect(await prepareLetter({ ...base, duplex: true })).toMatchObject({ ok: true, pages: 6, sheets: 3, credits: 2n });
    const letterSize = await PDFDocument.create();
    letterSize.addPage([612, 792]);
    const refused = await queueLetter({ ...base, duplex: false, createdById: admin.id, document: { name: "us.pdf", bytes: await letterSize.save() } });
    expect(refused).toEqual({ ok: false, code: "FORMAT_ERROR", problem: { code: "notA4", params: { page: 1, width: 216, height: 279 }, field: "document" } });
    expect(await prisma().letter.count({ where: { companyId: company.id } })).toBe(0);
  });
});

describe("the letter queue", () => {
  it("stops at the first 'not enough credits', leaves the rest queued untouched, and resumes after a purchase", async () => {
    const { company, admin, account } = await companyWithCredits(5n);
    const first = await letterTo(company.id, admin.id, "BE"); // 2 credits
    const world = await letterTo(company.id, admin.id, "US"); // 4 credits: more than what is left
    const cheap = await letterTo(company.id, admin.id, "BE"); // 2 credits: would fit, but comes after
    const office = new CountingPostOffice();

    const run = await runLetterQueueOnce({ provider: office, companyId: company.id });
    expect(run).toMatchObject({ sent: 1, outOfCredits: [company.id] });
    expect(office.received).toEqual([first]);
    expect(await letterRow(first)).toMatchObject({ state: "SENT", provider: "test" });
    expect(await letterRow(world)).toMatchObject({ state: "QUEUED", errorCode: "NO_CREDIT" });
    expect(decodeLetterError((await letterRow(world)).errorMessage)).toEqual({ kind: "no-credit", needed: "4", available: "3" });
    expect(await letterRow(cheap)).toMatchObject({ state: "QUEUED", errorCode: "NO_CREDIT", attempts: 0 });
    expect(await balanceOf(account.id)).toBe(3n);

    // Running again without credits: no new holds, nothing reaches the provider.
    const holdsBefore = await prisma().creditHold.count({ where: { accountId: account.id } });
    await runLetterQueueOnce({ provider: office, companyId: company.id });
    await runLetterQueueOnce({ provider: office, companyId: company.id });
    expect(office.received).toEqual([first]);
    expect(await prisma().creditHold.count({ where: { accountId: account.id } })).toBe(holdsBefore);

    await grant(account, 10n, { kind: "PURCHASE", description: "Standard Pack", idempotencyKey: "purchase-1" });
    const resumed = await runLetterQueueOnce({ provider: office, companyId: company.id });
    expect(resumed).toMatchObject({ sent: 2, outOfCredits: [] });
    expect(office.received).toEqual([first, world, cheap]);
    for (const id of [world, cheap]) expect(await letterRow(id)).toMatchObject({ state: "SENT", errorCode: null });
    expect(await balanceOf(account.id)).toBe(3n + 10n - 4n - 2n);
    const usage = await prisma().ledgerEntry.findMany({ where: { accountId: account.id, kind: "USAGE" }, orderBy: { id: "asc" } });
    expect(usage.map((e) => [e.amount, e.reference])).toEqual([
      [-2n, `letter:${first}`],
      [-4n, `letter:${world}`],
      [-2n, `letter:${cheap}`],
    ]);
    // The test post office kept the PDFs.
    expect(readdirSync(office.directory)).toHaveLength(3);
  });

  it("a letter canceled while it waits for credits is Canceled without a stale 'not enough credits'", async () => {
    const { company, admin } = await companyWithCredits(0n);
    const id = await letterTo(company.id, admin.id, "BE");
    expect(await runLetterQueueOnce({ provider: new CountingPostOffice(), companyId: company.id })).toMatchObject({ outOfCredits: [company.id] });
    expect(await letterRow(id)).toMatchObject({ state: "QUEUED", errorCode: "NO_CREDIT" });
    expect(await cancelLetter(company.id, id)).toBe(true);
    expect(await letterRow(id)).toMatchObject({ state: "CANCELED", errorCode: null, errorMessage: null });
  });

  it("the test post office refuses a PDF that is not A4 portrait: Error with the print check's finding as a code, nothing charged", async () => {
    const { company, admin, account } = await companyWithCredits(10n);
    const id = await letterTo(company.id, admin.id, "BE");
    const landscape = await PDFDocument.create();
    landscape.addPage([842, 595]);
    await prisma().letter.update({ where: { id }, data: { pdf: Buffer.from(await landscape.save()) } });
    expect(await processLetter(id, new CountingPostOffice())).toBe("error");
    const letter = await letterRow(id);
    expect(letter).toMatchObject({ state: "ERROR", errorCode: "FORMAT_ERROR" });
    expect(decodeLetterError(letter.errorMessage)).toMatchObject({
      kind: "refused",
      problem: { code: "printCheck", problem: { code: "notA4", params: { page: 1, width: 297, height: 210 } } },
    });
    expect(await balanceOf(account.id)).toBe(10n);
  });

  it("a provider refusal releases the hold: Error with its code, balance and held unchanged", async () => {
    const { company, admin, account } = await companyWithCredits(10n);
    const id = await letterTo(company.id, admin.id, "PL");
    const refusing = new RefusingProvider();
    expect(await processLetter(id, refusing)).toBe("error");
    const letter = await letterRow(id);
    expect(letter).toMatchObject({ state: "ERROR", errorCode: "PROVIDER_ERROR" });
    expect(decodeLetterError(letter.errorMessage)).toEqual({ kind: "refused", providerMessage: "Address not deliverable" });
    const hold = await prisma().creditHold.findUniqueOrThrow({ where: { id: letter.holdId! } });
    expect(hold.status).toBe("RELEASED");
    const accountRow = await prisma().iapAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect([accountRow.balance, accountRow.held]).toEqual([10n, 0n]);
  });

  it("logs each letter's outcome in its contact's chatter once, like an SMS: posted with its subject and pages, or not posted with its code", async () => {
    const { company, admin } = await companyWithCredits(10n);
    const sent = await letterTo(company.id, admin.id, "BE", "Your order confirmation");
    const refused = await letterTo(company.id, admin.id, "PL", "Reminder");
    const office = new CountingPostOffice();
    expect(await processLetter(sent, office)).toBe("sent");
    expect(await processLetter(refused, new RefusingProvider())).toBe("error");
    // Running the queue again changes nothing and logs nothing more.
    await runLetterQueueOnce({ provider: office, companyId: company.id });

    const [sentLetter, refusedLetter] = await Promise.all([letterRow(sent), letterRow(refused)]);
    const sentLog = await listMessages(company.id, sentLetter.contactId!);
    expect(sentLog.map((entry) => [entry.kind, entry.author])).toEqual([["LETTER", admin.name]]);
    expect(sentLog[0].log).toEqual({ code: "letterPosted", params: { letterId: sent, subject: "Your order confirmation", pages: sentLetter.pages, country: "BE", tracking: expect.stringMatching(/^TPO-/) } });
    const refusedLog = await listMessages(company.id, refusedLetter.contactId!);
    expect(refusedLog.map((entry) => [entry.kind, entry.log])).toEqual([["LETTER", { code: "letterNotPosted", params: { letterId: refused, reason: "PROVIDER_ERROR" } }]]);
    // Another company does not see them.
    expect(await listMessages((await createCompany()).company.id, sentLetter.contactId!)).toEqual([]);
  });

  it("'Re-send' acts on one letter only and leaves the others untouched", async () => {
    const { company, admin } = await companyWithCredits(20n);
    const [a, b, c] = [await letterTo(company.id, admin.id, "BE"), await letterTo(company.id, admin.id, "PL"), await letterTo(company.id, admin.id, "US")];
    const refusing = new RefusingProvider();
    await runLetterQueueOnce({ provider: refusing, companyId: company.id });
    expect(refusing.received).toEqual([a, b, c]);
    const before = await Promise.all([b, c].map(letterRow));
    expect(before.map((l) => l.state)).toEqual(["ERROR", "ERROR"]);

    const office = new CountingPostOffice();
    expect(await resendLetter(company.id, a, office)).toBe("sent");
    expect(office.received).toEqual([a]);
    expect(await letterRow(a)).toMatchObject({ state: "SENT", errorCode: null });
    expect(await Promise.all([b, c].map(letterRow))).toEqual(before);

    // Another company cannot re-send or cancel it; a sent letter cannot be re-sent.
    const other = await createCompany();
    expect(await resendLetter(other.company.id, b, office)).toBe("not-allowed");
    expect(await findLetterPdf(other.company.id, b)).toBeNull();
    expect((await findLetterPdf(company.id, b))?.filename).toBe(`letter-${b}.pdf`);
    expect(await cancelLetter(other.company.id, b)).toBe(false);
    expect(await resendLetter(company.id, a, office)).toBe("not-allowed");
    expect(await cancelLetter(company.id, b)).toBe(true);
    expect(await letterRow(b)).toMatchObject({ state: "CANCELED", errorCode: "PROVIDER_ERROR" });
    expect(await cancelLetter(company.id, b)).toBe(false);
    expect(office.received).toEqual([a]);
  });
});

describe("a run that crashed mid-letter", () => {
  async function crashedAttempt(captured: boolean) {
    const { company, admin, account } = await companyWithCredits(10n);
    const id = await letterTo(company.id, admin.id, "BE");
    const hold = await reserve(account, 2n, { description: "crashed run", idempotencyKey: `letter:${id}:crashed` });
    if (captured) await capture(hold, 2n, { result: { providerId: "TPO-earlier", trackingId: "TPO-earlier" } });
    // The crashed run had claimed the letter (its lease has run out) and recorded its request key and hold.
    await prisma().letter.update({ where: { id }, data: { holdId: hold.id, requestKey: "req-crashed", lockedUntil: new Date(Date.now() - 1000) } });
    return { id, account, hold };
  }

  it("provider had accepted (hold captured): the letter is marked Sent from the hold, not posted or charged again", async () => {
    const { id, account } = await crashedAttempt(true);
    const office = new CountingPostOffice();
    expect(await processLetter(id, office)).toBe("sent");
    expect(office.received).toEqual([]);
    expect(await letterRow(id)).toMatchObject({ state: "SENT", providerId: "TPO-earlier" });
    expect(await balanceOf(account.id)).toBe(8n);
  });

  it("no outcome recorded (hold pending): the hold is released and the same request is repeated once", async () => {
    const { id, account, hold } = await crashedAttempt(false);
    const office = new CountingPostOffice();
    expect(await processLetter(id, office)).toBe("sent");
    expect(office.keys).toEqual(["req-crashed"]);
    expect((await prisma().creditHold.findUniqueOrThrow({ where: { id: hold.id } })).status).toBe("RELEASED");
    const accountRow = await prisma().iapAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect([accountRow.balance, accountRow.held]).toEqual([8n, 0n]);
  });
});

interface PingenRequest {
  method: string;
  url: URL;
  headers: IncomingMessage["headers"];
  body: Buffer;
}
type PingenReply = (status: number, body?: unknown) => void;

const pingenServers: Server[] = [];
afterEach(() => {
  for (const server of pingenServers.splice(0)) server.close();
});

/** Our Pingen client for the organisation "org-1", at `apiUrl`. */
const pingenProvider = (apiUrl: string, timeoutMs: number) =>
  new PingenProvider({ clientId: "cid", clientSecret: "secret", organisationId: "org-1", apiUrl, deliveryProduct: "cheap", timeoutMs });

/**
 * A local server speaking Pingen's API: an access token, an upload URL and
 * the upload itself answered as Pingen answers them, the organisation's
 * letters endpoint by `letters`, anything else 404. `seen` keeps every
 * request in order, with its body.
 */
async function pingenServer({ letters, timeoutMs }: { letters: (request: PingenRequest, reply: PingenReply, base: string) => void; timeoutMs: number }) {
  const seen: PingenRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = { method: req.method!, url: new URL(req.url!, base), headers: req.headers, body: Buffer.concat(chunks) };
    seen.push(request);
    const reply: PingenReply = (status, body) => {
      // A client that gave up waiting has closed the connection.
      if (res.destroyed) return;
      res.writeHead(status, { "Content-Type": "application/vnd.api+json" });
      res.end(body === undefined ? "" : JSON.stringify(body));
    };
    const { pathname } = request.url;
    if (pathname === "/auth/access-tokens") return reply(200, { token_type: "Bearer", access_token: "tok-123", expires_in: 3600 });
    if (pathname === "/file-upload") return reply(200, { data: { type: "file_uploads", attributes: { url: `${base}/s3/upload-1`, url_signature: "sig-1" } } });
    if (pathname === "/s3/upload-1") return reply(200);
    if (pathname === "/organisations/org-1/deliveries/letters") return letters(request, reply, base);
    reply(404, { errors: [{ title: "Not found" }] });
  });
  pingenServers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { seen, provider: pingenProvider(base, timeoutMs) };
}

describe("Pingen provider against a local HTTP server", () => {
  async function fakePingen(answerLetter: (seen: PingenRequest) => [number, unknown]) {
    return pingenServer({ timeoutMs: 5000, letters: (request, reply) => reply(...answerLetter(request)) });
  }

  it("posts the PDF through token → upload URL → PUT → letter, and the letter is Sent and charged", async () => {
    const { company, admin, account } = await companyWithCredits(10n);
    const id = await letterTo(company.id, admin.id, "PL");
    await prisma().letter.update({ where: { id }, data: { duplex: true, color: true } });
    const { seen, provider } = await fakePingen(() => [201, { data: { id: "pingen-letter-9", type: "letters", attributes: { status: "valid", tracking_number: null } } }]);

    expect(await processLetter(id, provider)).toBe("sent");
    expect(seen.map((s) => `${s.method} ${s.url.pathname}${s.url.search}`)).toEqual([
      "POST /auth/access-tokens",
      "GET /file-upload",
      "PUT /s3/upload-1",
      "POST /organisations/org-1/deliveries/letters",
    ]);
    expect(Object.fromEntries(new URLSearchParams(seen[0].body.toString()))).toEqual({ grant_type: "client_credentials", client_id: "cid", client_secret: "secret" });
    expect(seen[1].headers.authorization).toBe("Bearer tok-123");
    expect(seen[2].body.subarray(0, 5).toString()).toBe("%PDF-");
    const create = seen[3];
    expect(create.headers["content-type"]).toBe("application/vnd.api+json");
    expect(create.headers["idempotency-key"]).toMatch(new RegExp(`^letter-${id}-`));
    expect(JSON.parse(create.body.toString())).toMatchObject({
      data: {
        type: "letters",
        attributes: { file_url: expect.stringContaining("/s3/upload-1"), file_url_signature: "sig-1", address_position: "left", auto_send: true, delivery_product: "cheap", print_mode: "duplex", print_spectrum: "color" },
      },
    });
    expect(await letterRow(id)).toMatchObject({ state: "SENT", provider: "pingen", providerId: "pingen-letter-9" });
    expect(await balanceOf(account.id)).toBe(10n - 3n);
  });

  it("a 422 refusal releases the hold and puts the letter in Error (format error)", async () => {
    const { company, admin, account } = await companyWithCredits(10n);
    const id = await letterTo(company.id, admin.id, "BE");
    const { provider } = await fakePingen(() => [422, { errors: [{ title: "Validation error", detail: "No address found in the address window" }] }]);
    expect(await processLetter(id, provider)).toBe("error");
    const letter = await letterRow(id);
    expect(letter).toMatchObject({ state: "ERROR", errorCode: "FORMAT_ERROR" });
    expect(letter.errorMessage).toContain("No address found in the address window");
    expect((await prisma().creditHold.findUniqueOrThrow({ where: { id: letter.holdId! } })).status).toBe("RELEASED");
    expect(await balanceOf(account.id)).toBe(10n);
  });

  it("an outage (503) is retried with backoff, not at once, with the same hold released and the request key kept", async () => {
    const { company, admin, account } = await companyWithCredits(10n);
    const id = await letterTo(company.id, admin.id, "BE");
    const { seen, provider } = await fakePingen(() => [503, { errors: [{ title: "Service unavailable" }] }]);
    const started = Date.now();
    expect(await processLetter(id, provider)).toBe("retry");
    const letter = await letterRow(id);
    expect(letter).toMatchObject({ state: "QUEUED", errorCode: "PROVIDER_ERROR", attempts: 1 });
    expect(letter.requestKey).toBe(seen.at(-1)!.headers["idempotency-key"]);
    expect(letter.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(started + 60_000 - 1000);
    expect((await prisma().creditHold.findUniqueOrThrow({ where: { id: letter.holdId! } })).status).toBe("RELEASED");
    expect(await balanceOf(account.id)).toBe(10n);

    const calls = seen.length;
    await runLetterQueueOnce({ provider, companyId: company.id });
    expect(seen.length).toBe(calls);
  });

  it("after a provider outage the company's next run is queued for the retry time, and the sweep leaves it alone until then", async () => {
    const runJob = async (companyId: number) =>
      (await pool().query<{ run_at: Date }>("SELECT run_at FROM graphile_worker.jobs WHERE key = $1", [`letters.run:${companyId}`])).rows;
    const { company, admin } = await companyWithCredits(10n);
    const id = await letterTo(company.id, admin.id, "BE");
    await pool().query("DELETE FROM graphile_worker._private_jobs WHERE key = $1", [`letters.run:${company.id}`]); // as if the job is the one running now
    const { provider } = await fakePingen(() => [503, { errors: [{ title: "Service unavailable" }] }]);
    expect(await runCompanyLetters(company.id, provider)).toMatchObject({ retrying: 1 });
    const letter = await letterRow(id);
    const [next] = await runJob(company.id);
    expect(next.run_at.getTime()).toBe(letter.nextAttemptAt.getTime());
    await sweepLetters();
    expect(await runJob(company.id)).toHaveLength(1);
  });
});

describe("the letter queue's jobs", () => {
  const runJob = async (companyId: number) =>
    (await pool().query<{ run_at: Date }>("SELECT run_at FROM graphile_worker.jobs WHERE key = $1", [`letters.run:${companyId}`])).rows;

  it("a queued letter has its company's run queued in the same transaction; one run waits per company", async () => {
    const { company, admin } = await companyWithCredits(10n);
    await letterTo(company.id, admin.id, "BE");
    await letterTo(company.id, admin.id, "PL");
    const jobs = await runJob(company.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0].run_at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });
});

describe("Pingen: a letter is posted once, whatever happened to the first attempt's answer", () => {
  interface PingenLetter {
    id: string;
    key: string;
    fileName: string;
  }

  /**
   * A local server speaking Pingen's API, with the state that matters here:
   * the letters it created (newest first on its list endpoint, in pages), and
   * how it answers the next letter creation — normally, or having created the
   * letter: too late for the client's timeout, with a 500, or with a 409.
   */
  async function statefulPingen() {
    const letters: PingenLetter[] = [];
    const next: { creation: "normal" | "slow" | "500" | "409" | "503-before" } = { creation: "normal" };
    const resource = (letter: PingenLetter) => ({ id: letter.id, type: "letters", attributes: { status: "valid", file_original_name: letter.fileName, tracking_number: `TRACK-${letter.id}` } });
    const { seen, provider } = await pingenServer({
      timeoutMs: 500,
      letters: (request, reply, base) => {
        const { url } = request;
        if (request.method === "GET") {
          const size = Number(url.searchParams.get("page[limit]") ?? 20);
          const number = Number(url.searchParams.get("page[number]") ?? 1);
          const newestFirst = [...letters].reverse();
          const lastPage = Math.max(1, Math.ceil(newestFirst.length / size));
          return reply(200, {
            data: newestFirst.slice((number - 1) * size, number * size).map(resource),
            meta: { current_page: number, last_page: lastPage, per_page: size, total: letters.length },
            links: { next: number < lastPage ? `${base}${url.pathname}?page[number]=${number + 1}` : null },
          });
        }
        const key = String(request.headers["idempotency-key"]);
        const body = JSON.parse(request.body.toString());
        const mode = next.creation;
        next.creation = "normal";
        if (mode === "503-before") return reply(503, { errors: [{ title: "Service unavailable" }] });
        // Pingen's idempotency: the same key gives the same letter.
        let letter = letters.find((l) => l.key === key);
        if (!letter) {
          letter = { id: `pingen-${letters.length + 1}`, key, fileName: body.data.attributes.file_original_name };
          letters.push(letter);
        }
        if (mode === "slow") return void setTimeout(() => reply(201, { data: resource(letter) }), 1500);
        if (mode === "500") return reply(500, { errors: [{ title: "Server Error" }] });
        if (mode === "409") return reply(409, { errors: [{ title: "Conflict", detail: "A request with this Idempotency-Key is still being processed." }] });
        reply(201, { data: resource(letter) });
      },
    });
    return {
      letters,
      next,
      provider,
      /** Every request so far, as "METHOD /path" (without the query). */
      get requests() {
        return seen.map((r) => `${r.method} ${r.url.pathname}`);
      },
    };
  }

  /**
   * A letter to Belgium from a company with 10 credits, whose first attempt
   * Pingen answers as `creation` says (after `olderLetters` other letters of
   * the organisation): the queue leaves it to retry.
   */
  async function letterAfterFirstAttempt(creation: Awaited<ReturnType<typeof statefulPingen>>["next"]["creation"], olderLetters = 0) {
    const { company, admin, account } = await companyWithCredits(10n);
    const pingen = await statefulPingen();
    for (let i = 0; i < olderLetters; i++) pingen.letters.push({ id: `older-${i}`, key: `other-${i}`, fileName: `other-${i}.pdf` });
    const id = await letterTo(company.id, admin.id, "BE");
    pingen.next.creation = creation;
    expect(await processLetter(id, pingen.provider)).toBe("retry");
    return { company, account, pingen, id };
  }

  async function retryNow(id: number) {
    await prisma().letter.update({ where: { id }, data: { nextAttemptAt: new Date() } });
  }

  it.each([
    ["a timeout (the answer came too late)", "slow"],
    ["a 500 after the letter was created", "500"],
    ["a 409 (the key's request still being processed)", "409"],
  ] as const)("after %s, the retry finds the first letter: one letter at Pingen, charged once, Sent with its id", async (_label, mode) => {
    // Some of the organisation's other letters, so the lookup has to page through.
    const { company, account, pingen, id } = await letterAfterFirstAttempt(mode, 130);
    const afterFirst = await letterRow(id);
    expect(afterFirst).toMatchObject({ state: "QUEUED", errorCode: "PROVIDER_ERROR", attempts: 1 });
    expect(afterFirst.requestKey).toMatch(new RegExp(`^letter-${id}-`));
    expect(await balanceOf(account.id)).toBe(10n);
    const created = pingen.letters.filter((l) => l.key === afterFirst.requestKey);
    expect(created).toHaveLength(1);

    await retryNow(id);
    const before = pingen.requests.length;
    expect(await runLetterQueueOnce({ provider: pingen.provider, companyId: company.id })).toMatchObject({ sent: 1 });
    // The retry only asked (GETs of the list); it created nothing.
    expect(pingen.requests.slice(before).every((r) => r === "GET /organisations/org-1/deliveries/letters")).toBe(true);
    expect(pingen.letters.filter((l) => l.key === afterFirst.requestKey)).toHaveLength(1);
    expect(await letterRow(id)).toMatchObject({ state: "SENT", providerId: created[0].id, trackingId: `TRACK-${created[0].id}`, requestKey: null });
    expect(await balanceOf(account.id)).toBe(10n - 2n);
    const usage = await prisma().ledgerEntry.findMany({ where: { accountId: account.id, kind: "USAGE" } });
    expect(usage).toHaveLength(1);
  });

  it("an attempt that never reached Pingen (503 before creating) is posted by the retry, with the same key, once", async () => {
    const { account, pingen, id } = await letterAfterFirstAttempt("503-before");
    const key = (await letterRow(id)).requestKey;
    expect(pingen.letters).toHaveLength(0);

    await retryNow(id);
    expect(await processLetter(id, pingen.provider)).toBe("sent");
    expect(pingen.letters.map((l) => l.key)).toEqual([key]);
    expect(await balanceOf(account.id)).toBe(8n);
  });

  it("after giving up on outages, 'Re-send' still asks about the earlier attempts before posting", async () => {
    const { company, account, pingen, id } = await letterAfterFirstAttempt("slow");
    // Four more outages: the queue gives up with an Error, keeping the key.
    await prisma().letter.update({ where: { id }, data: { attempts: 4 } });
    await retryNow(id);
    const down = pingenProvider("http://127.0.0.1:9", 500);
    expect(await processLetter(id, down)).toBe("error");
    const failed = await letterRow(id);
    expect(failed).toMatchObject({ state: "ERROR", errorCode: "PROVIDER_ERROR" });
    expect(failed.requestKey).not.toBeNull();

    expect(await resendLetter(company.id, id, pingen.provider)).toBe("sent");
    expect(pingen.letters).toHaveLength(1);
    expect(await letterRow(id)).toMatchObject({ state: "SENT", providerId: pingen.letters[0].id });
    expect(await balanceOf(account.id)).toBe(8n);
  });
});
