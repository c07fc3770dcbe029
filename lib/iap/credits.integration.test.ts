// The credits engine's guarantees under concurrency, on the real PostgreSQL:
// no overdraft, one account per first use, one effect per idempotency key,
// holds that resolve once, a sweep that is safe to run many times at once.
import type { ServiceName } from "./catalogue";
import { describe, expect, it } from "vitest";
import { pool, prisma } from "@/lib/db/client";
import { createCompany } from "@/tests/support/fixtures";
import { clearAccountCaches, getOrCreateAccount } from "./accounts";
import type { AccountRef } from "./types";
import { SERVICE_CATALOGUE } from "./catalogue";
import { charge } from "./charge";
import { HoldNotPendingError, InsufficientCreditsError } from "./errors";
import { balanceOf, debit, grant } from "./ledger";
import { reserve, capture, release } from "./holds";
import { expireHolds } from "./hold-expiry";
import { verifyLedger } from "./verify";

async function accountWith(units: bigint, service: ServiceName = "invoice_ocr", trialEligible = false) {
  const { company } = await createCompany({ trialEligible });
  const account = await getOrCreateAccount(company.id, service);
  if (units > 0n) await grant(account, units, { kind: "ADJUSTMENT", description: "opening", idempotencyKey: "opening" });
  return account;
}

async function state(account: AccountRef) {
  const { rows } = await pool().query("SELECT balance, held FROM iap_account WHERE id = $1", [account.id]);
  return { balance: BigInt(rows[0].balance), held: BigInt(rows[0].held) };
}

async function expectConserved(account: AccountRef) {
  const report = await verifyLedger({ accountIds: [account.id] });
  expect(report.problems).toEqual([]);
}

function chargeOne(account: AccountRef, key: string, work: () => Promise<string> = async () => "done", amount = 1n) {
  return charge({ companyId: account.companyId, service: account.service.technicalName, amount, idempotencyKey: key, description: "test work" }, work);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Moves a hold's expiry into the past, as time would (test set-up only: holds are not ledger rows). */
async function makeDue(holdIds: number[]) {
  await pool().query("UPDATE credit_hold SET expires_at = now() - interval '1 minute' WHERE id = ANY($1::int[])", [holdIds]);
}

describe("no overdraft under concurrency", () => {
  it("64 concurrent 1-credit charges on 50 credits: 50 succeed, 14 get InsufficientCreditsError with shortfall and buy URL", async () => {
    const account = await accountWith(50n);
    let ran = 0;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 64 }, (_, i) =>
        chargeOne(account, `c-${i}`, async () => {
          ran++;
          await sleep(5); // the holds overlap: available = balance − open holds
          return `ok ${i}`;
        }),
      ),
    );
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(50);
    expect(refused).toHaveLength(14);
    expect(ran).toBe(50);
    for (const error of refused) {
      expect(error).toBeInstanceOf(InsufficientCreditsError);
      expect(error.shortfall).toBe(1n);
      expect(error.available).toBe(0n);
      expect(error.buyUrl).toBe("/iap/buy/invoice_ocr");
      expect(error.service.technicalName).toBe("invoice_ocr");
    }
    expect(await state(account)).toEqual({ balance: 0n, held: 0n });
    expect(await prisma().creditHold.count({ where: { accountId: account.id, status: "CAPTURED" } })).toBe(50);
    await expectConserved(account);
  });

  it("concurrent debits and holds mixed never take more than the balance", async () => {
    const account = await accountWith(100n);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) =>
        i % 2 === 0 ? debit(account, 3n, { description: "d", idempotencyKey: `d-${i}` }) : reserve(account, 3n, { description: "h", idempotencyKey: `h-${i}` }),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(33); // 99 of 100 credits
    const { balance, held } = await state(account);
    expect(balance - held).toBe(1n);
    await expectConserved(account);
  });
});

describe("accounts on first use", () => {
  it("concurrent first uses create one account and grant the trial once, round after round", async () => {
    for (let round = 0; round < 6; round++) {
      const { company } = await createCompany({ trialEligible: true });
      clearAccountCaches();
      const accounts = await Promise.all(Array.from({ length: 12 }, (_, i) => getOrCreateAccount(company.id, i % 2 ? "sms" : "snailmail")));
      expect(new Set(accounts.map((a) => a.id)).size).toBe(2);
      expect(await prisma().iapAccount.count({ where: { companyId: company.id } })).toBe(2);
      const sms = accounts.find((a) => a.service.technicalName === "sms")!;
      expect(await balanceOf(sms.id)).toBe(1000n); // 10 credits, 2 decimals
      expect(await prisma().ledgerEntry.count({ where: { accountId: sms.id, kind: "TRIAL_GRANT" } })).toBe(1);
    }
  });

  it("trial credits: once per company and service, only for eligible companies", async () => {
    const eligible = (await createCompany({ trialEligible: true })).company;
    const ineligible = (await createCompany({ trialEligible: false })).company;
    for (const service of SERVICE_CATALOGUE) {
      const trialUnits = BigInt(service.trialCredits) * 10n ** BigInt(service.decimals);
      const account = await getOrCreateAccount(eligible.id, service.technicalName);
      clearAccountCaches(); // a new process using the account again
      const again = await getOrCreateAccount(eligible.id, service.technicalName);
      expect(again.id).toBe(account.id);
      expect(await balanceOf(account.id)).toBe(trialUnits);
      expect(await prisma().ledgerEntry.count({ where: { accountId: account.id } })).toBe(1);

      const none = await getOrCreateAccount(ineligible.id, service.technicalName);
      expect(await balanceOf(none.id)).toBe(0n);
      expect(await prisma().ledgerEntry.count({ where: { accountId: none.id } })).toBe(0);
    }
  });
});

describe("idempotency: the same key has one effect and returns the first result", () => {
  it("20 concurrent debits, grants and holds with one key each make one entry or hold", async () => {
    const account = await accountWith(10n);
    const debits = await Promise.all(Array.from({ length: 20 }, () => debit(account, 3n, { description: "once", idempotencyKey: "same-debit" })));
    const grants = await Promise.all(
      Array.from({ length: 20 }, () => grant(account, 5n, { kind: "PURCHASE", description: "once", idempotencyKey: "same-grant" })),
    );
    const holds = await Promise.all(Array.from({ length: 20 }, () => reserve(account, 4n, { description: "once", idempotencyKey: "same-hold" })));
    for (const results of [debits, grants]) {
      expect(new Set(results.map((r) => r.entryId)).size).toBe(1);
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    }
    expect(new Set(holds.map((h) => h.id)).size).toBe(1);
    expect(holds.filter((h) => !h.replayed)).toHaveLength(1);
    expect(await state(account)).toEqual({ balance: 12n, held: 4n });
    expect(await prisma().ledgerEntry.count({ where: { accountId: account.id } })).toBe(3); // opening, debit, grant
    expect(await prisma().creditHold.count({ where: { accountId: account.id } })).toBe(1);
    await expectConserved(account);
  });

  it("20 concurrent charges with one key run the work once; the others wait for it and get its result", async () => {
    const account = await accountWith(10n);
    let runs = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        chargeOne(
          account,
          "same-charge",
          async () => {
            runs++;
            await sleep(150);
            return "sent";
          },
          2n,
        ),
      ),
    );
    expect(runs).toBe(1);
    expect(results.map((r) => r.result)).toEqual(Array(20).fill("sent"));
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await state(account)).toEqual({ balance: 8n, held: 0n });
    await expectConserved(account);
  });

  it("replays racing the first run's capture neither deadlock nor charge twice", async () => {
    // A replay's INSERT of the same hold key waits on the hold the first run is
    // capturing; with locks taken in different orders that was a deadlock.
    const account = await accountWith(1000n);
    for (let round = 0; round < 25; round++) {
      let runs = 0;
      const results = await Promise.all(Array.from({ length: 8 }, () => chargeOne(account, `instant-${round}`, async () => (runs++, "ok"))));
      expect(runs).toBe(1);
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    }
    expect(await state(account)).toEqual({ balance: 975n, held: 0n });
    await expectConserved(account);
  });

  it("a replayed charge waits for the first run still working, then returns its result", async () => {
    const account = await accountWith(10n);
    const gate = deferred();
    const working = deferred();
    let runs = 0;
    const first = chargeOne(account, "slow", async () => {
      runs++;
      working.resolve();
      await gate.promise;
      return "first result";
    });
    // The first run holds the credits once its work has begun (not after a
    // guessed delay, which a loaded machine may not honour).
    await working.promise;
    let secondDone = false;
    const second = chargeOne(account, "slow", async () => {
      runs++;
      return "second result";
    }).finally(() => (secondDone = true));
    await sleep(200);
    expect(secondDone).toBe(false); // still waiting on the first run's hold
    gate.resolve();
    const [a, b] = await Promise.all([first, second]);
    expect(runs).toBe(1);
    expect(a).toMatchObject({ result: "first result", replayed: false, captured: 1n });
    expect(b).toMatchObject({ result: "first result", replayed: true, captured: 1n });
    expect(await state(account)).toEqual({ balance: 9n, held: 0n });
  });

  it("sequential replays: a debit's key keeps its first result; a refused debit does not spend its key", async () => {
    const account = await accountWith(3n);
    const first = await debit(account, 3n, { description: "all", idempotencyKey: "k1" });
    const again = await debit(account, 3n, { description: "all", idempotencyKey: "k1" }); // balance is 0 now
    expect(again).toEqual({ ...first, replayed: true });
    await expect(debit(account, 1n, { description: "more", idempotencyKey: "k2" })).rejects.toBeInstanceOf(InsufficientCreditsError);
    await grant(account, 1n, { kind: "PURCHASE", description: "top-up", idempotencyKey: "top-up" });
    expect((await debit(account, 1n, { description: "more", idempotencyKey: "k2" })).replayed).toBe(false);
    expect(await balanceOf(account.id)).toBe(0n);
    await expect(debit(account, 1n, { description: "x", idempotencyKey: "hold:1" })).rejects.toThrow(/reserved/);
  });

  it("a charge whose first run failed is not run again by a retry with the same key", async () => {
    const account = await accountWith(5n);
    await expect(chargeOne(account, "fails", async () => Promise.reject(new Error("gateway down")))).rejects.toThrow("gateway down");
    let ran = false;
    const retry = chargeOne(account, "fails", async () => ((ran = true), "ok"));
    await expect(retry).rejects.toBeInstanceOf(HoldNotPendingError);
    expect(ran).toBe(false);
    expect(await state(account)).toEqual({ balance: 5n, held: 0n });
  });
});

describe("charge releases its hold whenever the work does not complete", () => {
  it("an exception in work, in actualAmount, or a capture above the hold: hold released, balance unchanged", async () => {
    const account = await accountWith(5n);
    const options = (key: string) => ({ companyId: account.companyId, service: account.service.technicalName, amount: 2n, idempotencyKey: key, description: "x" });
    await expect(charge(options("w"), async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(
      charge({ ...options("a"), actualAmount: () => { throw new Error("bad price"); } }, async () => "done"),
    ).rejects.toThrow("bad price");
    await expect(charge({ ...options("o"), actualAmount: () => 3n }, async () => "done")).rejects.toBeInstanceOf(RangeError);
    expect(await state(account)).toEqual({ balance: 5n, held: 0n });
    const holds = await prisma().creditHold.findMany({ where: { accountId: account.id } });
    expect(holds.map((h) => h.status)).toEqual(["RELEASED", "RELEASED", "RELEASED"]);
    const partial = await charge({ ...options("p"), actualAmount: () => 1n }, async () => "done");
    expect(partial.captured).toBe(1n);
    expect(await state(account)).toEqual({ balance: 4n, held: 0n });
    await expectConserved(account);
  });

  it("a replay of a charge whose first run crashed ends when its hold expires, not after the whole TTL", async () => {
    const account = await accountWith(5n);
    // The first run reserved and then its process died: a pending hold under the charge's key.
    await reserve(account, 2n, { description: "crashed", idempotencyKey: "crashed", ttlSeconds: 1 });
    const started = Date.now();
    await expect(chargeOne(account, "crashed", async () => "never", 2n)).rejects.toMatchObject({ name: "HoldNotPendingError", status: "EXPIRED" });
    // About a second (the hold's ttl) against the charge's 15-minute default:
    // the bound only tells the two apart, with room for a loaded machine.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(await state(account)).toEqual({ balance: 5n, held: 0n });
    await expectConserved(account);
  });
});

describe("holds resolve once", () => {
  it("capture after expiry is refused and frees the hold; release or capture after resolution changes nothing", async () => {
    const account = await accountWith(10n);
    const late = await reserve(account, 4n, { description: "late", idempotencyKey: "late" });
    await makeDue([late.id]);
    await expect(capture(late, 4n)).rejects.toMatchObject({ name: "HoldNotPendingError", status: "EXPIRED" });
    expect(await state(account)).toEqual({ balance: 10n, held: 0n });
    expect(await release(late)).toBe(false);

    const released = await reserve(account, 3n, { description: "r", idempotencyKey: "r" });
    expect(await release(released)).toBe(true);
    expect(await release(released)).toBe(false);
    await expect(capture(released, 3n)).rejects.toMatchObject({ status: "RELEASED" });

    const captured = await reserve(account, 3n, { description: "c", idempotencyKey: "c" });
    const first = await capture(captured, 2n);
    expect(await capture(captured, 2n)).toEqual({ ...first, replayed: true });
    await expect(capture(captured, 1n)).rejects.toBeInstanceOf(HoldNotPendingError);
    expect(await release(captured)).toBe(false);
    expect(await state(account)).toEqual({ balance: 8n, held: 0n });
    await expectConserved(account);
  });

  it("a hold with ttlSeconds 0 is expired at once: never captured, swept by the next sweep", async () => {
    const account = await accountWith(10n);
    const instant = await Promise.all(Array.from({ length: 10 }, (_, i) => reserve(account, 1n, { description: "t0", idempotencyKey: `t0-${i}`, ttlSeconds: 0 })));
    const outcomes = await Promise.allSettled(instant.map((hold) => capture(hold, 1n)));
    expect(outcomes.every((o) => o.status === "rejected" && (o.reason as HoldNotPendingError).status === "EXPIRED")).toBe(true);
    expect(await expireHolds(1000, { accountIds: [account.id] })).toBe(0); // capture already expired them
    expect(await state(account)).toEqual({ balance: 10n, held: 0n });
    await expectConserved(account);
  });

  it("capture and release racing on the same holds: each hold resolves exactly once", async () => {
    const account = await accountWith(100n);
    const holds = await Promise.all(Array.from({ length: 20 }, (_, i) => reserve(account, 5n, { description: "race", idempotencyKey: `race-${i}` })));
    const outcomes = await Promise.all(
      holds.flatMap((hold) => [
        capture(hold, 5n).then((r) => (r.replayed ? "replay" : "captured"), () => "refused"),
        release(hold).then((ok) => (ok ? "released" : "refused")),
      ]),
    );
    const captured = outcomes.filter((o) => o === "captured").length;
    const released = outcomes.filter((o) => o === "released").length;
    expect(captured + released).toBe(20);
    expect(await state(account)).toEqual({ balance: 100n - 5n * BigInt(captured), held: 0n });
    await expectConserved(account);
  });
});

describe("expireHolds", () => {
  it("sweeps only expired holds, and six sweepers at once expire each hold once without deadlocking", async () => {
    const accounts = await Promise.all(Array.from({ length: 8 }, () => accountWith(1000n, "snailmail")));
    const due: number[] = [];
    for (const account of accounts) {
      await reserve(account, 7n, { description: "still working", idempotencyKey: "live" });
      for (let i = 0; i < 12; i++) due.push((await reserve(account, 1n, { description: "crashed", idempotencyKey: `dead-${i}` })).id);
    }
    await makeDue(due);
    const accountIds = accounts.map((a) => a.id);
    let swept = 0;
    for (let round = 0; round < 10; round++) {
      const counts = await Promise.all(Array.from({ length: 6 }, () => expireHolds(5, { accountIds }))); // throws on a deadlock
      swept += counts.reduce((sum, n) => sum + n, 0);
      if (counts.every((n) => n === 0)) break;
    }
    expect(swept).toBeGreaterThan(0);
    expect(swept).toBeLessThanOrEqual(due.length);
    expect(await prisma().creditHold.count({ where: { id: { in: due }, status: "EXPIRED" } })).toBe(due.length);
    for (const account of accounts) {
      // Only the live hold is left: no due hold was freed twice (that would take held below 7).
      expect(await state(account)).toEqual({ balance: 1000n, held: 7n });
      await expectConserved(account);
    }
  });
});
