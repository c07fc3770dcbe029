// The Letters page's actions (Re-send, Cancel, and the admins' "Process
// queue") as a direct POST would run them: only the session lookup is
// replaced. This is where a letter is posted and its credits charged, so each
// test checks the balance and the ledger: charged once when posted, not at
// all when refused.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { grant } from "@/lib/iap/ledger";
import { queueLetter } from "@/lib/snailmail/compose";
import { formOf, withEnv } from "@/tests/support/billing";
import { accountCredits } from "@/tests/support/credits";
import { createCompany } from "@/tests/support/fixtures";

// Rendering a letter embeds a font: seconds each on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("@/lib/auth/session-token", () => ({ sessionUserId: async () => session.userId }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { cancelLetterAction, processQueueAction, resendLetterAction } = await import("./actions");

let restoreEnv: () => void;
beforeAll(() => {
  // The actions post through the default provider, the test post office: its PDFs go to a folder of this run.
  restoreEnv = withEnv({ DATA_DIR: mkdtempSync(path.join(tmpdir(), "letters-actions-")), SNAILMAIL_PROVIDER: "test" });
});
afterAll(() => restoreEnv());
beforeEach(() => {
  session.userId = null;
});

/** A company that can post, holding `credits`, with one letter In Queue to a contact in Antwerp. */
async function companyWithLetter(credits: bigint) {
  const { company, admin, user } = await createCompany();
  await prisma().company.update({ where: { id: company.id }, data: { street: "Rue de la Loi 16", city: "Brussels", zip: "1000" } });
  const account = await getOrCreateAccount(company.id, "snailmail");
  if (credits > 0n) await grant(account, credits, { kind: "ADJUSTMENT", description: "opening", idempotencyKey: "opening" });
  const contact = await prisma().contact.create({ data: { companyId: company.id, name: "Jan Peeters", street: "Meir 1", city: "Antwerpen", zip: "2000", country: "BE" } });
  const queued = await queueLetter({ companyId: company.id, contactId: contact.id, createdById: user.id, subject: "Your contract", body: "Hello", color: false, duplex: false });
  if (!queued.ok) throw new Error(`Letter refused: ${queued.problem.code}`);
  return { company, admin, user, account, letterId: queued.letterId, price: queued.credits };
}

/** The letter's state and what the company paid: what an action must change once, or not at all. */
async function stateOf(letterId: number, accountId: number) {
  const letter = await prisma().letter.findUniqueOrThrow({ where: { id: letterId }, select: { state: true, errorCode: true } });
  const usage = await prisma().ledgerEntry.findMany({ where: { accountId, kind: "USAGE" }, select: { amount: true } });
  return { ...letter, credits: await accountCredits(accountId), usage: usage.map((entry) => entry.amount) };
}

describe("processQueueAction", () => {
  it("a USER, or signed out: forbidden, the letter still In Queue and nothing charged", async () => {
    const { user, account, letterId } = await companyWithLetter(10_000n);
    const before = await stateOf(letterId, account.id);
    expect(await processQueueAction(null, formOf({}))).toMatchObject({ ok: false, code: "signed-out" });
    session.userId = user.id;
    expect(await processQueueAction(null, formOf({}))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await stateOf(letterId, account.id)).toEqual(before);
    expect(before).toMatchObject({ state: "QUEUED", usage: [] });
  });

  it("an admin posts their company's due letters, charged once; another company's queue is left alone", async () => {
    const mine = await companyWithLetter(10_000n);
    const theirs = await companyWithLetter(10_000n);
    const theirsBefore = await stateOf(theirs.letterId, theirs.account.id);
    session.userId = mine.admin.id;
    expect(await processQueueAction(null, formOf({}))).toEqual({ ok: true, message: "Queue processed: 1 sent, 0 in error, 0 to retry." });
    const posted = { state: "SENT", errorCode: null, credits: { balance: 10_000n - mine.price, held: 0n }, usage: [-mine.price] };
    expect(await stateOf(mine.letterId, mine.account.id)).toEqual(posted);
    // Run again: nothing is due, nothing charged twice.
    expect(await processQueueAction(null, formOf({}))).toMatchObject({ ok: true, message: "Queue processed: 0 sent, 0 in error, 0 to retry." });
    expect(await stateOf(mine.letterId, mine.account.id)).toEqual(posted);
    expect(await stateOf(theirs.letterId, theirs.account.id)).toEqual(theirsBefore);
  });
});

describe("resendLetterAction", () => {
  it("a letter waiting for credits, re-sent once they are bought: posted and charged once; a second Re-send is refused", async () => {
    const { admin, user, account, letterId, price } = await companyWithLetter(0n);
    session.userId = admin.id;
    expect(await processQueueAction(null, formOf({}))).toMatchObject({ ok: true, message: expect.stringContaining("stopped: not enough credits") });
    expect(await stateOf(letterId, account.id)).toMatchObject({ state: "QUEUED", errorCode: "NO_CREDIT", usage: [] });

    await grant(account, 10_000n, { kind: "ADJUSTMENT", description: "bought", idempotencyKey: "bought" });
    session.userId = user.id;
    expect(await resendLetterAction(null, formOf({ letterId }))).toEqual({ ok: true, message: "Letter sent." });
    const posted = { state: "SENT", errorCode: null, credits: { balance: 10_000n - price, held: 0n }, usage: [-price] };
    expect(await stateOf(letterId, account.id)).toEqual(posted);
    expect(await resendLetterAction(null, formOf({ letterId }))).toMatchObject({ ok: false, code: "refused", message: "Only a letter in Error, or waiting for credits, can be re-sent." });
    expect(await stateOf(letterId, account.id)).toEqual(posted);
  });

  it("another company's admin re-sending this company's letter: refused, not posted, nothing charged", async () => {
    const { account, letterId } = await companyWithLetter(10_000n);
    await prisma().letter.update({ where: { id: letterId }, data: { state: "ERROR", errorCode: "FORMAT_ERROR" } });
    const before = await stateOf(letterId, account.id);
    const { admin: stranger } = await createCompany();
    session.userId = stranger.id;
    expect(await resendLetterAction(null, formOf({ letterId }))).toMatchObject({ ok: false, code: "refused", message: "Only a letter in Error, or waiting for credits, can be re-sent." });
    expect(await resendLetterAction(null, formOf({ letterId: "abc" }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { letterId: ["Unknown letter."] } });
    expect(await stateOf(letterId, account.id)).toEqual(before);
  });
});

describe("cancelLetterAction", () => {
  it("a queued letter is canceled by its company's user only, and then never posted", async () => {
    const { admin, user, account, letterId } = await companyWithLetter(10_000n);
    const { user: stranger } = await createCompany();
    session.userId = stranger.id;
    expect(await cancelLetterAction(null, formOf({ letterId }))).toMatchObject({ ok: false, code: "refused", message: "This letter can no longer be canceled." });
    expect(await stateOf(letterId, account.id)).toMatchObject({ state: "QUEUED" });

    session.userId = user.id;
    expect(await cancelLetterAction(null, formOf({ letterId }))).toEqual({ ok: true, message: "Letter canceled." });
    session.userId = admin.id;
    expect(await processQueueAction(null, formOf({}))).toMatchObject({ message: "Queue processed: 0 sent, 0 in error, 0 to retry." });
    expect(await stateOf(letterId, account.id)).toEqual({ state: "CANCELED", errorCode: null, credits: { balance: 10_000n, held: 0n }, usage: [] });
  });
});
