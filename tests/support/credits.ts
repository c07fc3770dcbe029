// Accounts with credits in them, for integration tests: each call makes a new
// company (tests/support/fixtures.ts), so one test's spending never shows in
// another's balance.
import { randomUUID } from "node:crypto";
import { pool, prisma } from "@/lib/db/client";
import { clearAccountCaches, getOrCreateAccount } from "@/lib/iap/accounts";
import type { ServiceName } from "@/lib/iap/catalogue";
import { grant } from "@/lib/iap/ledger";
import { createCompany } from "./fixtures";

/** A new company whose `service` account holds `credits` (in the service's units), and its user (not the admin). */
export async function companyWithCredits(service: ServiceName, credits: bigint) {
  const { company, user } = await createCompany();
  const account = await getOrCreateAccount(company.id, service);
  if (credits > 0n) await grant(account, credits, { kind: "ADJUSTMENT", description: "test credits", idempotencyKey: "test" });
  return { companyId: company.id, userId: user.id, accountId: account.id };
}

/** What an account holds as stored: its balance and the part of it holds reserve. */
export async function accountCredits(accountId: number) {
  const { rows } = await pool().query<{ balance: string; held: string }>("SELECT balance, held FROM iap_account WHERE id = $1", [accountId]);
  return { balance: BigInt(rows[0].balance), held: BigInt(rows[0].held) };
}

/**
 * A new company whose `service` account warns a fresh address below
 * `threshold`, then receives `balance`. The warning is switched on directly in
 * the row (not through the settings page's save), so nothing is checked until
 * a debit crosses the threshold or a sweep runs.
 */
export async function watchedAccount({ service, balance, threshold }: { service: ServiceName; balance: bigint; threshold: bigint }) {
  // Services and accounts are cached per process: the warning settings set below must be read fresh.
  clearAccountCaches();
  const { company } = await createCompany();
  const account = await getOrCreateAccount(company.id, service);
  const email = `warn-${randomUUID().slice(0, 8)}@test.example`;
  await prisma().iapAccount.update({ where: { id: account.id }, data: { warnEnabled: true, warningThreshold: threshold, warningEmail: email } });
  if (balance > 0n) await grant(account, balance, { kind: "ADJUSTMENT", description: "Opening balance", idempotencyKey: "opening" });
  return { company, account, email };
}
