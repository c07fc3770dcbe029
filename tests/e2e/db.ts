// Direct database access for e2e specs that need a company of their own (the
// demo company is shared by every spec running in parallel). Plain `pg`: the
// app's lib/ is server-only.
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import pg from "pg";
import { test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./support";

/** One pool per spec file, opened before its tests and closed after; also warms the server's sign-in path. */
export function useDatabase(): () => pg.Pool {
  let db: pg.Pool;
  test.beforeAll(async ({ baseURL }) => {
    db = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    // A freshly started server answers its first sign-in slowly: warm it up.
    await Promise.all(["/login", "/api/auth/csrf", "/api/auth/providers", "/contacts", "/contacts/1"].map((path) => fetch(new URL(path, baseURL)).catch(() => null)));
  });
  test.afterAll(async () => {
    await db.end();
  });
  return () => db;
}

/**
 * A new company (BE) and a USER (or ADMIN) who signs in with the demo password; with SMS (or any service's) credits, in units,
 * granted through a ledger entry when asked; `trialEligible`: the company gets each service's trial credits on first use.
 * `suffix`: the random part of the company's name and the user's e-mail, for a spec's own unique names.
 */
type NewCompanyOptions = { name: string; smsUnits?: bigint; grants?: Record<string, bigint>; role?: "USER" | "ADMIN"; trialEligible?: boolean };

export async function createCompanyWithUser(db: pg.Pool, options: NewCompanyOptions) {
  const suffix = randomUUID().slice(0, 8);
  const email = `e2e-${suffix}@test.example`;
  const { rows } = await db.query("INSERT INTO company (name, country, currency, trial_eligible) VALUES ($1, 'BE', 'EUR', $2) RETURNING id", [
    `${options.name} ${suffix}`,
    options.trialEligible ?? false,
  ]);
  const companyId = rows[0].id as number;
  await db.query('INSERT INTO app_user (company_id, email, name, password_hash, role) VALUES ($1, $2, $3, $4, $5::"Role")', [
    companyId,
    email,
    options.name,
    await bcrypt.hash(DEMO_PASSWORD, 4),
    options.role ?? "USER",
  ]);
  const grants = { ...(options.smsUnits ? { sms: options.smsUnits } : {}), ...options.grants };
  for (const [service, units] of Object.entries(grants)) {
    await db.query(
      `WITH account AS (
         INSERT INTO iap_account (company_id, service_id, balance) SELECT $1, id, $2 FROM iap_service WHERE technical_name = $3 RETURNING id, balance
       )
       INSERT INTO ledger_entry (account_id, kind, amount, balance_after, description, idempotency_key)
       SELECT id, 'ADJUSTMENT', balance, balance, 'e2e credits', 'e2e' FROM account`,
      [companyId, units, service],
    );
  }
  return { companyId, email, suffix };
}

/** createCompanyWithUser, then that user signed in on `page`. */
export async function signInNewUser(page: Page, db: pg.Pool, options: NewCompanyOptions) {
  const created = await createCompanyWithUser(db, options);
  await signIn(page, created.email);
  return created;
}
