import "server-only";
import { pool } from "@/lib/db/client";
import { serviceNameSchema, type ServiceName } from "./catalogue";
import { UnknownServiceError } from "./errors";
import { grant } from "./ledger";
import type { AccountRef, ServiceInfo } from "./types";

// The catalogue changes only by seeding; caching it per process saves a query
// on every charge. A service missing from the cache is looked up again.
const serviceCache = new Map<ServiceName, ServiceInfo>();
const accountCache = new Map<string, AccountRef>();

export async function getService(technicalName: ServiceName): Promise<ServiceInfo> {
  const cached = serviceCache.get(technicalName);
  if (cached) return cached;
  const { rows } = await pool().query<{ id: number; technical_name: string; name: string; decimals: number; trial_credits: string }>(
    "SELECT id, technical_name, name, decimals, trial_credits FROM iap_service WHERE technical_name = $1",
    [technicalName],
  );
  if (!rows[0]) throw new UnknownServiceError(technicalName);
  const service = {
    id: rows[0].id,
    technicalName: serviceNameSchema.parse(rows[0].technical_name),
    name: rows[0].name,
    decimals: rows[0].decimals,
    trialCredits: BigInt(rows[0].trial_credits),
  };
  serviceCache.set(technicalName, service);
  return service;
}

/**
 * The company's account for a service, created on first use — services need
 * no set-up. `INSERT … ON CONFLICT DO NOTHING` on (company, service) makes two
 * concurrent first uses create one account. It commits on its own, so the
 * account survives even if the action that needed it rolls back. An eligible
 * company receives the service's trial credits once, when the account is made.
 */
export async function getOrCreateAccount(companyId: number, technicalName: ServiceName): Promise<AccountRef> {
  const key = `${companyId}:${technicalName}`;
  const cached = accountCache.get(key);
  if (cached) return cached;
  const service = await getService(technicalName);
  const account = { id: await findOrInsertAccountId(companyId, service.id), companyId, service };
  await grantTrialCreditsOnce(account);
  accountCache.set(key, account);
  return account;
}

async function findOrInsertAccountId(companyId: number, serviceId: number): Promise<number> {
  // When a concurrent first use inserts the row first, our INSERT waits for it
  // to commit and then does nothing, but the SELECT half of the same statement
  // still reads the snapshot taken before that commit and finds no row. A new
  // statement has a new snapshot and sees it: try again (twice is enough).
  for (let attempt = 0; attempt < 3; attempt++) {
    const { rows } = await pool().query<{ id: number }>(
      `WITH created AS (
         INSERT INTO iap_account (company_id, service_id) VALUES ($1, $2)
         ON CONFLICT (company_id, service_id) DO NOTHING
         RETURNING id
       )
       SELECT id FROM created UNION ALL SELECT id FROM iap_account WHERE company_id = $1 AND service_id = $2
       LIMIT 1`,
      [companyId, serviceId],
    );
    if (rows[0]) return rows[0].id;
  }
  throw new Error(`Could not create or find the IAP account of company ${companyId} for service ${serviceId}`);
}

async function grantTrialCreditsOnce(account: AccountRef) {
  if (account.service.trialCredits <= 0n) return;
  const { rows } = await pool().query<{ trial_eligible: boolean }>("SELECT trial_eligible FROM company WHERE id = $1", [account.companyId]);
  if (!rows[0]?.trial_eligible) return;
  // The fixed idempotency key makes the grant happen once per account, however
  // many processes race to create it.
  await grant(account, account.service.trialCredits, {
    kind: "TRIAL_GRANT",
    description: `Free trial credits for ${account.service.name}`,
    wording: { code: "trial", params: { service: account.service.technicalName } },
    idempotencyKey: "trial-grant",
  });
}

/** Looks up an account by id, scoped to the company that asks (no cross-company reads). */
export async function findAccount(companyId: number, accountId: number): Promise<AccountRef | null> {
  const { rows } = await pool().query<{ id: number; company_id: number; technical_name: string }>(
    `SELECT a.id, a.company_id, s.technical_name
       FROM iap_account a JOIN iap_service s ON s.id = a.service_id
      WHERE a.id = $1 AND a.company_id = $2`,
    [accountId, companyId],
  );
  if (!rows[0]) return null;
  return { id: rows[0].id, companyId: rows[0].company_id, service: await getService(serviceNameSchema.parse(rows[0].technical_name)) };
}

/** Tests create services and companies freely; they call this between cases if they rely on fresh lookups. */
export function clearAccountCaches() {
  serviceCache.clear();
  accountCache.clear();
}
