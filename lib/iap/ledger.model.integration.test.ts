// Model-based property test: random sequences of grant / debit / reserve /
// capture / release / expire / sweep / charge (and bursts of concurrent
// debits) run against the real ledger and against a few lines of in-memory
// bookkeeping. After every step the database and the model must agree on the
// balance, the held amount, each hold's status and captured amount, and the
// ledger (count and sum of entries), and the conservation check must pass.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pool } from "@/lib/db/client";
import { createCompany } from "@/tests/support/fixtures";
import { getOrCreateAccount } from "./accounts";
import type { AccountRef, HoldStatus } from "./types";
import { SERVICE_CATALOGUE } from "./catalogue";
import { charge } from "./charge";
import { HoldNotPendingError, InsufficientCreditsError } from "./errors";
import { debit, grant } from "./ledger";
import { reserve, capture, release } from "./holds";
import { expireHolds } from "./hold-expiry";
import { verifyLedger } from "./verify";

interface ModelHold {
  key: string;
  amount: bigint;
  status: HoldStatus;
  captured: bigint | null;
  /** What a charge's work returned (a replay must give it back). */
  result?: unknown;
}

interface Model {
  balance: bigint;
  entries: bigint[];
  /** Key → amount of the entry it made, for grants and debits. */
  entryKeys: Map<string, bigint>;
  holds: ModelHold[];
  fresh: number;
}

interface Real {
  account: AccountRef;
}

type Cmd = fc.AsyncCommand<Model, Real>;

const held = (m: Model) => m.holds.filter((h) => h.status === "PENDING").reduce((sum, h) => sum + h.amount, 0n);
const available = (m: Model) => m.balance - held(m);
const holdByKey = (m: Model, key: string) => m.holds.find((h) => h.key === key);
const pick = (m: Model, index: number) => m.holds[index % m.holds.length];

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? `${v}n` : v))}`);
    },
    (error: unknown) => error,
  );
}

function expectInsufficient(error: unknown, needed: bigint, m: Model, real: Real) {
  expect(error).toBeInstanceOf(InsufficientCreditsError);
  const e = error as InsufficientCreditsError;
  expect(e.shortfall).toBe(needed - available(m));
  expect(e.buyUrl).toBe(`/iap/buy/${real.account.service.technicalName}`);
}

async function makeDue(real: Real, key: string) {
  await pool().query("UPDATE credit_hold SET expires_at = now() - interval '1 minute' WHERE account_id = $1 AND idempotency_key = $2", [
    real.account.id,
    key,
  ]);
}

async function assertAgrees(m: Model, real: Real) {
  const id = real.account.id;
  const [account, ledger, holds] = await Promise.all([
    pool().query("SELECT balance, held FROM iap_account WHERE id = $1", [id]),
    pool().query("SELECT COALESCE(sum(amount), 0) AS total, count(*)::int AS n FROM ledger_entry WHERE account_id = $1", [id]),
    pool().query("SELECT idempotency_key, amount, status, captured_amount FROM credit_hold WHERE account_id = $1 ORDER BY id", [id]),
  ]);
  expect({
    balance: BigInt(account.rows[0].balance),
    held: BigInt(account.rows[0].held),
    ledgerSum: BigInt(ledger.rows[0].total),
    entries: ledger.rows[0].n,
    holds: holds.rows.map((h) => ({ key: h.idempotency_key, amount: BigInt(h.amount), status: h.status, captured: h.captured_amount === null ? null : BigInt(h.captured_amount) })),
  }).toEqual({
    balance: m.balance,
    held: held(m),
    ledgerSum: m.entries.reduce((sum, a) => sum + a, 0n),
    entries: m.entries.length,
    holds: m.holds.map(({ key, amount, status, captured }) => ({ key, amount, status, captured })),
  });
  expect((await verifyLedger({ accountIds: [id] })).problems).toEqual([]);
}

function command(label: string, check: (m: Readonly<Model>) => boolean, step: (m: Model, real: Real) => Promise<void>): Cmd {
  return {
    check,
    run: async (m, real) => {
      await step(m, real);
      await assertAgrees(m, real);
    },
    toString: () => label,
  };
}

const units = (max: number) => fc.bigInt({ min: 1n, max: BigInt(max) });
const always = () => true;
const hasHold = (m: Readonly<Model>) => m.holds.length > 0;

const grantCmd = fc.record({ amount: units(20), key: fc.nat(3) }).map(({ amount, key }) =>
  command(`grant(${amount}, g${key})`, always, async (m, real) => {
    const result = await grant(real.account, amount, { kind: "PURCHASE", description: "pack", idempotencyKey: `g${key}` });
    const first = m.entryKeys.get(`g${key}`);
    if (first !== undefined) {
      expect(result).toMatchObject({ replayed: true, amount: first });
      return;
    }
    expect(result.replayed).toBe(false);
    m.balance += amount;
    m.entries.push(amount);
    m.entryKeys.set(`g${key}`, amount);
    expect(result.balanceAfter).toBe(m.balance);
  }),
);

const debitCmd = fc.record({ amount: units(15), key: fc.nat(5) }).map(({ amount, key }) =>
  command(`debit(${amount}, d${key})`, always, async (m, real) => {
    const call = debit(real.account, amount, { description: "use", idempotencyKey: `d${key}` });
    const first = m.entryKeys.get(`d${key}`);
    if (first !== undefined) {
      expect(await call).toMatchObject({ replayed: true, amount: first });
    } else if (available(m) >= amount) {
      const result = await call;
      m.balance -= amount;
      m.entries.push(-amount);
      m.entryKeys.set(`d${key}`, -amount);
      expect(result).toMatchObject({ replayed: false, amount: -amount, balanceAfter: m.balance });
    } else {
      expectInsufficient(await rejection(call), amount, m, real);
    }
  }),
);

const reserveCmd = fc.record({ amount: units(10), key: fc.nat(5) }).map(({ amount, key }) =>
  command(`reserve(${amount}, h${key})`, always, async (m, real) => {
    const call = reserve(real.account, amount, { description: "reserve", idempotencyKey: `h${key}` });
    const first = holdByKey(m, `h${key}`);
    if (first) {
      expect(await call).toMatchObject({ replayed: true, amount: first.amount, status: first.status });
    } else if (available(m) >= amount) {
      expect(await call).toMatchObject({ replayed: false, amount, status: "PENDING" });
      m.holds.push({ key: `h${key}`, amount, status: "PENDING", captured: null });
    } else {
      expectInsufficient(await rejection(call), amount, m, real);
    }
  }),
);

const captureCmd = fc.record({ hold: fc.nat(), fraction: fc.integer({ min: 0, max: 4 }) }).map(({ hold: index, fraction }) =>
  command(`capture(#${index}, ${fraction}/3 of it)`, hasHold, async (m, real) => {
    const hold = pick(m, index);
    const actual = (hold.amount * BigInt(fraction)) / 3n; // 4/3: more than held
    const target = { id: await holdId(real, hold.key), account: real.account };
    const call = capture(target, actual);
    if (hold.status === "PENDING" && actual > hold.amount) {
      expect(await rejection(call)).toBeInstanceOf(RangeError);
    } else if (hold.status === "PENDING") {
      expect(await call).toMatchObject({ replayed: false, captured: actual });
      hold.status = "CAPTURED";
      hold.captured = actual;
      m.balance -= actual;
      if (actual > 0n) m.entries.push(-actual);
    } else if (hold.status === "CAPTURED" && hold.captured === actual) {
      expect(await call).toMatchObject({ replayed: true, captured: actual });
    } else {
      expect(await rejection(call)).toBeInstanceOf(HoldNotPendingError);
    }
  }),
);

const releaseCmd = fc.nat().map((index) =>
  command(`release(#${index})`, hasHold, async (m, real) => {
    const hold = pick(m, index);
    const released = await release({ id: await holdId(real, hold.key), account: real.account });
    expect(released).toBe(hold.status === "PENDING");
    if (hold.status === "PENDING") hold.status = "RELEASED";
  }),
);

/** Time passes for one hold, then the sweep runs. */
const expireCmd = fc.nat().map((index) =>
  command(`expire(#${index}) + sweep`, hasHold, async (m, real) => {
    const hold = pick(m, index);
    if (hold.status === "PENDING") {
      await makeDue(real, hold.key);
      hold.status = "EXPIRED";
    }
    // Another sweeper may have beaten us to it; what counts is the state after.
    expect(await expireHolds(1000, { accountIds: [real.account.id] })).toBeLessThanOrEqual(1);
  }),
);

const captureAfterExpiryCmd = fc.nat().map((index) =>
  command(`capture-after-expiry(#${index})`, (m) => m.holds.some((h) => h.status === "PENDING"), async (m, real) => {
    const pending = m.holds.filter((h) => h.status === "PENDING");
    const hold = pending[index % pending.length];
    await makeDue(real, hold.key);
    const error = await rejection(capture({ id: await holdId(real, hold.key), account: real.account }, hold.amount));
    expect(error).toMatchObject({ name: "HoldNotPendingError", status: "EXPIRED" });
    hold.status = "EXPIRED";
  }),
);

const sweepCmd = fc.constant(
  command("sweep (nothing due)", always, async (_m, real) => {
    expect(await expireHolds(1000, { accountIds: [real.account.id] })).toBe(0);
  }),
);

const chargeCmd = fc
  .record({ amount: units(10), key: fc.nat(3), outcome: fc.constantFrom("ok", "half", "throw") })
  .map(({ amount, key, outcome }) =>
    command(`charge(${amount}, c${key}, ${outcome})`, always, async (m, real) => {
      let ran = false;
      const call = charge(
        {
          companyId: real.account.companyId,
          service: real.account.service.technicalName,
          amount,
          idempotencyKey: `c${key}`,
          description: "service",
          actualAmount: (result: { used: string }) => BigInt(result.used),
        },
        async () => {
          ran = true;
          if (outcome === "throw") throw new Error("provider failed");
          return { used: String(outcome === "half" ? amount / 2n : amount), text: `work c${key}` };
        },
      );
      const first = holdByKey(m, `c${key}`);
      if (first) {
        if (first.status === "CAPTURED") {
          expect(await call).toMatchObject({ replayed: true, captured: first.captured, result: first.result });
        } else {
          expect(await rejection(call)).toMatchObject({ name: "HoldNotPendingError", status: first.status });
        }
        expect(ran).toBe(false);
      } else if (available(m) < amount) {
        expectInsufficient(await rejection(call), amount, m, real);
        expect(ran).toBe(false);
      } else if (outcome === "throw") {
        expect(await rejection(call)).toMatchObject({ message: "provider failed" });
        m.holds.push({ key: `c${key}`, amount, status: "RELEASED", captured: null });
      } else {
        const used = outcome === "half" ? amount / 2n : amount;
        const result = await call;
        expect(result).toMatchObject({ replayed: false, captured: used });
        m.holds.push({ key: `c${key}`, amount, status: "CAPTURED", captured: used, result: result.result });
        m.balance -= used;
        if (used > 0n) m.entries.push(-used);
      }
    }),
  );

/** A burst of debits at once: exactly as many succeed as the available credits allow. */
const concurrentDebitsCmd = fc.record({ count: fc.integer({ min: 2, max: 8 }), amount: units(5) }).map(({ count, amount }) =>
  command(`${count} concurrent debits of ${amount}`, always, async (m, real) => {
    const batch = m.fresh++;
    const outcomes = await Promise.allSettled(
      Array.from({ length: count }, (_, i) => debit(real.account, amount, { description: "burst", idempotencyKey: `burst-${batch}-${i}` })),
    );
    const expected = Math.min(count, Number(available(m) / amount));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(expected);
    for (const o of outcomes) if (o.status === "rejected") expect(o.reason).toBeInstanceOf(InsufficientCreditsError);
    for (let i = 0; i < expected; i++) {
      m.balance -= amount;
      m.entries.push(-amount);
    }
  }),
);

async function holdId(real: Real, key: string): Promise<number> {
  const { rows } = await pool().query("SELECT id FROM credit_hold WHERE account_id = $1 AND idempotency_key = $2", [real.account.id, key]);
  return rows[0].id;
}

describe("ledger model", () => {
  it("random sequences of operations: database and model agree after every step", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.constantFrom(...SERVICE_CATALOGUE.map((s) => s.technicalName)),
        fc.commands(
          [grantCmd, debitCmd, reserveCmd, captureCmd, releaseCmd, expireCmd, captureAfterExpiryCmd, sweepCmd, chargeCmd, concurrentDebitsCmd],
          { maxCommands: 30 },
        ),
        async (eligible, service, commands) => {
          const setup = async () => {
            const { company } = await createCompany({ trialEligible: eligible });
            const account = await getOrCreateAccount(company.id, service);
            const definition = SERVICE_CATALOGUE.find((s) => s.technicalName === service)!;
            const trial = eligible ? BigInt(definition.trialCredits) * 10n ** BigInt(definition.decimals) : 0n;
            const model: Model = { balance: trial, entries: trial > 0n ? [trial] : [], entryKeys: new Map(), holds: [], fresh: 0 };
            await assertAgrees(model, { account });
            return { model, real: { account } };
          };
          await fc.asyncModelRun(setup, commands);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
