import { describe, expect, it } from "vitest";
import { pool, prisma } from "@/lib/db/client";
import { createCompany } from "@/tests/support/fixtures";
import { getOrCreateAccount } from "./accounts";
import type { AccountRef } from "./types";
import { charge } from "./charge";
import { grant } from "./ledger";
import { verifyLedger } from "./verify";

// Capturing inside the work's own transaction: what the work records and the
// payment commit together or not at all (the SMS path uses it so that a
// database lost between two transactions cannot leave a sent-and-logged SMS unpaid).

async function accountWith(units: bigint) {
  const { company } = await createCompany();
  const account = await getOrCreateAccount(company.id, "sms");
  await grant(account, units, { kind: "ADJUSTMENT", description: "opening", idempotencyKey: "opening" });
  return { account, companyId: company.id };
}

async function accountState(account: AccountRef) {
  const { rows } = await pool().query("SELECT balance, held FROM iap_account WHERE id = $1", [account.id]);
  const usage = await prisma().ledgerEntry.count({ where: { accountId: account.id, kind: "USAGE" } });
  return { balance: BigInt(rows[0].balance), held: BigInt(rows[0].held), usage };
}

const options = (companyId: number, key: string) => ({ companyId, service: "sms" as const, amount: 3n, idempotencyKey: key, description: "work" });

describe("charge with the capture inside the work's transaction", () => {
  it("commits the record and the payment together; a replay returns the recorded result without working again", async () => {
    const { account, companyId } = await accountWith(10n);
    let runs = 0;
    const work: Parameters<typeof charge<string>>[1] = async (_hold, _account, captureWithin) => {
      runs++;
      return prisma().$transaction(async (tx) => {
        await tx.company.update({ where: { id: companyId }, data: { name: "recorded" } });
        await captureWithin(tx, { recorded: true });
        return "done";
      });
    };
    const first = await charge(options(companyId, "within-1"), work);
    expect(first).toMatchObject({ result: "done", captured: 3n, replayed: false });
    expect(await accountState(account)).toEqual({ balance: 7n, held: 0n, usage: 1 });
    const again = await charge(options(companyId, "within-1"), work);
    expect(again).toMatchObject({ result: { recorded: true }, captured: 3n, replayed: true });
    expect(runs).toBe(1);
    expect((await verifyLedger({ accountIds: [account.id] })).problems).toEqual([]);
  });

  it("a transaction that fails after capturing takes the capture with it: nothing recorded, nothing paid, the hold released", async () => {
    const { account, companyId } = await accountWith(10n);
    await expect(
      charge(options(companyId, "within-2"), async (_hold, _account, captureWithin) =>
        prisma().$transaction(async (tx) => {
          await tx.company.update({ where: { id: companyId }, data: { name: "half-written" } });
          await captureWithin(tx, { recorded: true });
          throw new Error("the database went away before COMMIT");
        }),
      ),
    ).rejects.toThrow(/went away/);
    expect(await accountState(account)).toEqual({ balance: 10n, held: 0n, usage: 0 });
    expect((await prisma().company.findUniqueOrThrow({ where: { id: companyId } })).name).not.toBe("half-written");
    const holds = await prisma().creditHold.findMany({ where: { accountId: account.id } });
    expect(holds.map((h) => h.status)).toEqual(["RELEASED"]);
    expect((await verifyLedger({ accountIds: [account.id] })).problems).toEqual([]);
  });
});
