import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db/client";
import { localeOr, type Locale } from "@/lib/i18n/locales";
import { serviceNameSchema, type ServiceName } from "./catalogue";
import { listHistory, type LedgerPage } from "./history";
import { ledgerWording, type LedgerWording } from "./ledger-wording";

// Read models of the settings pages (IAP Account list, Account Information).
// Every query joins iap_account and filters on company_id: an account id from
// the URL never reveals another company's account.

export interface AccountSummary {
  id: number;
  technicalName: ServiceName;
  serviceName: string;
  unitName: string;
  decimals: number;
  balance: bigint;
  held: bigint;
  warnEnabled: boolean;
  warningThreshold: bigint | null;
  warningEmail: string | null;
  warnedAt: Date | null;
}

export interface AccountDetail extends AccountSummary {
  description: string;
  /** The language chosen for the warning e-mail; null: the company's. */
  warningLocale: Locale | null;
  companyLocale: Locale;
}

export type { LedgerLine, LedgerPage } from "./history";

export interface OpenHold {
  id: number;
  amount: bigint;
  description: string;
  wording: LedgerWording | null;
  reference: string | null;
  createdAt: Date;
  expiresAt: Date;
}

export interface PurchaseLine {
  id: number;
  /** As stored (English for the catalogue's packs); the page names it by packCode in the reader's language. */
  packName: string;
  packCode: string;
  credits: bigint;
  amount: number;
  currency: string;
  status: "PENDING" | "PAID" | "FAILED" | "EXPIRED" | "CANCELED";
  origin: "MANUAL" | "AUTO_TOPUP";
  createdAt: Date;
  paidAt: Date | null;
  failureCode: string | null;
  /** Money refunded so far (minor units). */
  refundedAmount: number;
  disputeStatus: "OPEN" | "WON" | "LOST" | null;
  /** Credits taken back by refunds and a lost dispute (units). */
  takenBack: bigint;
  /** Credits refunded or lost that had already been used (units). */
  alreadyUsed: bigint;
  /** Frozen by an open dispute (units). */
  frozen: bigint;
  invoice: { number: string | null; issuer: "STRIPE" | "APP"; hostedUrl: string | null } | null;
}

export const LEDGER_PAGE_SIZE = 50;

const ACCOUNT_COLUMNS = `a.id, s.technical_name, s.name AS service_name, s.unit_name, s.decimals, a.balance, a.held,
  a.warn_enabled, a.warning_threshold, a.warning_email, a.warned_at`;

function toSummary(row: Record<string, unknown>): AccountSummary {
  return {
    id: row.id as number,
    technicalName: serviceNameSchema.parse(row.technical_name),
    serviceName: row.service_name as string,
    unitName: row.unit_name as string,
    decimals: row.decimals as number,
    balance: BigInt(row.balance as string),
    held: BigInt(row.held as string),
    warnEnabled: row.warn_enabled as boolean,
    warningThreshold: row.warning_threshold === null ? null : BigInt(row.warning_threshold as string),
    warningEmail: (row.warning_email as string | null) ?? null,
    warnedAt: (row.warned_at as Date | null) ?? null,
  };
}

/** The company's accounts, one per service it has used, in catalogue order. */
export async function listAccounts(companyId: number): Promise<AccountSummary[]> {
  const { rows } = await pool().query(
    `SELECT ${ACCOUNT_COLUMNS}
       FROM iap_account a JOIN iap_service s ON s.id = a.service_id
      WHERE a.company_id = $1
      ORDER BY s.sort_order, s.name`,
    [companyId],
  );
  return rows.map(toSummary);
}

/**
 * An account by id, read on `db` (a caller's transaction sees its own
 * uncommitted change). No company filter: for server code that already holds
 * the account's id from its own records (a webhook event's payload), never
 * for an id from a URL.
 */
export async function getAccountSummary(accountId: number, db: pg.ClientBase | pg.Pool = pool()): Promise<AccountSummary | null> {
  const { rows } = await db.query(
    `SELECT ${ACCOUNT_COLUMNS}
       FROM iap_account a JOIN iap_service s ON s.id = a.service_id
      WHERE a.id = $1`,
    [accountId],
  );
  return rows[0] ? toSummary(rows[0]) : null;
}

export async function getAccountDetail(companyId: number, accountId: number): Promise<AccountDetail | null> {
  const { rows } = await pool().query({
    name: "iap_account_detail",
    text: `SELECT ${ACCOUNT_COLUMNS}, s.description, a.warning_locale, c.locale AS company_locale
       FROM iap_account a JOIN iap_service s ON s.id = a.service_id JOIN company c ON c.id = a.company_id
      WHERE a.id = $1 AND a.company_id = $2`,
    values: [accountId, companyId],
  });
  return rows[0]
    ? { ...toSummary(rows[0]), description: rows[0].description, warningLocale: rows[0].warning_locale ?? null, companyLocale: localeOr(rows[0].company_locale) }
    : null;
}

/** One page of the credit history, newest first, unfiltered (the public API's ledger list). */
export async function listLedgerEntries(
  companyId: number,
  accountId: number,
  { before = null, limit = LEDGER_PAGE_SIZE }: { before?: bigint | null; limit?: number } = {},
): Promise<LedgerPage> {
  return listHistory(companyId, accountId, {}, { before, limit });
}

/** Credits reserved by work in progress (pending holds), newest first. */
export async function listOpenHolds(companyId: number, accountId: number, limit = 100): Promise<OpenHold[]> {
  const { rows } = await pool().query({
    name: "iap_open_holds",
    text: `SELECT h.id, h.amount, h.description, h.description_code, h.description_params, h.reference, h.created_at, h.expires_at
       FROM credit_hold h JOIN iap_account a ON a.id = h.account_id
      WHERE h.account_id = $1 AND a.company_id = $2 AND h.status = 'PENDING'
      ORDER BY h.id DESC
      LIMIT $3`,
    values: [accountId, companyId, limit],
  });
  return rows.map((row) => ({
    id: row.id,
    amount: BigInt(row.amount),
    description: row.description,
    wording: ledgerWording(row.description_code, row.description_params),
    reference: row.reference,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  }));
}

/** The account's purchases of credit packs, newest first. */
export async function listPurchases(companyId: number, accountId: number, limit = 20): Promise<PurchaseLine[]> {
  const { rows } = await pool().query({
    name: "iap_purchases",
    text: `SELECT p.id, k.name AS pack_name, k.code AS pack_code, p.credits, p.amount, p.currency, p.status, p.created_at, p.paid_at, p.origin, p.failure_code,
            p.refunded_amount, p.dispute_status, p.refund_reversed + p.dispute_reversed AS taken_back,
            p.refund_unrecovered + p.dispute_unrecovered AS already_used,
            CASE WHEN h.status = 'PENDING' THEN h.amount ELSE 0 END AS frozen,
            i.number AS invoice_number, i.issuer AS invoice_issuer, i.hosted_url AS invoice_url
       FROM purchase p
       JOIN iap_account a ON a.id = p.account_id
       JOIN credit_pack k ON k.id = p.pack_id
       LEFT JOIN invoice i ON i.purchase_id = p.id
       LEFT JOIN credit_hold h ON h.id = p.dispute_hold_id
      WHERE p.account_id = $1 AND a.company_id = $2
      ORDER BY p.created_at DESC, p.id DESC
      LIMIT $3`,
    values: [accountId, companyId, limit],
  });
  return rows.map((row) => ({
    id: row.id,
    packName: row.pack_name,
    packCode: row.pack_code,
    credits: BigInt(row.credits),
    amount: row.amount,
    currency: row.currency.trim(),
    status: row.status,
    origin: row.origin,
    createdAt: row.created_at,
    paidAt: row.paid_at,
    failureCode: row.failure_code,
    refundedAmount: row.refunded_amount,
    disputeStatus: row.dispute_status,
    takenBack: BigInt(row.taken_back),
    alreadyUsed: BigInt(row.already_used),
    frozen: BigInt(row.frozen),
    invoice: row.invoice_issuer ? { number: row.invoice_number, issuer: row.invoice_issuer, hostedUrl: row.invoice_url } : null,
  }));
}

/** A service of the catalogue and the company's account for it, when it has used it. */
export interface ServiceAccountRow {
  technicalName: ServiceName;
  serviceName: string;
  description: string;
  unitName: string;
  decimals: number;
  /** Null: never used — no account yet. */
  account: AccountSummary | null;
  /** Units granted free on first use (0 when the company is not eligible for trials). */
  trialOnFirstUse: bigint;
}

/**
 * Every service of the catalogue, in catalogue order, with the company's
 * account where it has one: the IAP Account list shows the services not used
 * yet too, and what trying them would give.
 */
export async function listServiceAccounts(companyId: number): Promise<ServiceAccountRow[]> {
  const { rows } = await pool().query(
    `SELECT s.technical_name, s.name AS service_name, s.description, s.unit_name, s.decimals, s.trial_credits,
            c.trial_eligible, a.id, a.balance, a.held, a.warn_enabled, a.warning_threshold, a.warning_email, a.warned_at
       FROM iap_service s
       JOIN company c ON c.id = $1
       LEFT JOIN iap_account a ON a.service_id = s.id AND a.company_id = c.id
      ORDER BY s.sort_order, s.name`,
    [companyId],
  );
  return rows.map((row) => ({
    technicalName: serviceNameSchema.parse(row.technical_name),
    serviceName: row.service_name,
    description: row.description,
    unitName: row.unit_name,
    decimals: row.decimals,
    account: row.id === null ? null : toSummary(row),
    trialOnFirstUse: row.id === null && row.trial_eligible ? BigInt(row.trial_credits) : 0n,
  }));
}

export interface ServiceSummary {
  technicalName: string;
  name: string;
  description: string;
  unitName: string;
  decimals: number;
}

/** The catalogue, in its display order. */
export async function listServices(): Promise<ServiceSummary[]> {
  const { rows } = await pool().query("SELECT technical_name, name, description, unit_name, decimals FROM iap_service ORDER BY sort_order, name");
  return rows.map((row) => ({ technicalName: row.technical_name, name: row.name, description: row.description, unitName: row.unit_name, decimals: row.decimals }));
}

/** The company's account for a service, by the service's technical name; null when the service was never used. */
export async function getAccountByService(companyId: number, technicalName: string): Promise<AccountSummary | null> {
  const { rows } = await pool().query(
    `SELECT ${ACCOUNT_COLUMNS}
       FROM iap_account a JOIN iap_service s ON s.id = a.service_id
      WHERE a.company_id = $1 AND s.technical_name = $2`,
    [companyId, technicalName],
  );
  return rows[0] ? toSummary(rows[0]) : null;
}
