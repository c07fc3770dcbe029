import "server-only";
import { pool } from "@/lib/db/client";
import { serviceNameSchema, type ServiceName } from "./catalogue";
import type { LedgerKindName } from "./credit-status";

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
}

export interface LedgerLine {
  id: bigint;
  kind: LedgerKindName;
  amount: bigint;
  balanceAfter: bigint;
  description: string;
  reference: string | null;
  createdAt: Date;
}

export interface LedgerPage {
  entries: LedgerLine[];
  /** Pass as `before` to read the next (older) page; null on the last page. */
  olderCursor: bigint | null;
}

export interface OpenHold {
  id: number;
  amount: bigint;
  description: string;
  reference: string | null;
  createdAt: Date;
  expiresAt: Date;
}

export interface PurchaseLine {
  id: number;
  packName: string;
  credits: bigint;
  amount: number;
  currency: string;
  status: "PENDING" | "PAID" | "FAILED" | "EXPIRED" | "CANCELED";
  createdAt: Date;
  paidAt: Date | null;
}

export const LEDGER_PAGE_SIZE = 50;
const MAX_BIGINT = 9223372036854775807n;

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

export async function getAccountDetail(companyId: number, accountId: number): Promise<AccountDetail | null> {
  const { rows } = await pool().query(
    `SELECT ${ACCOUNT_COLUMNS}, s.description
       FROM iap_account a JOIN iap_service s ON s.id = a.service_id
      WHERE a.id = $1 AND a.company_id = $2`,
    [accountId, companyId],
  );
  return rows[0] ? { ...toSummary(rows[0]), description: rows[0].description } : null;
}

/**
 * One page of the credit history, newest first. Keyset pagination on
 * (account_id, id DESC) — the ledger's index — so page 2,000 of a
 * 100,000-entry account costs what page 1 does (no OFFSET, no count).
 */
export async function listLedgerEntries(
  companyId: number,
  accountId: number,
  { before = null, limit = LEDGER_PAGE_SIZE }: { before?: bigint | null; limit?: number } = {},
): Promise<LedgerPage> {
  const { rows } = await pool().query(
    `SELECT e.id, e.kind, e.amount, e.balance_after, e.description, e.reference, e.created_at
       FROM ledger_entry e JOIN iap_account a ON a.id = e.account_id
      WHERE e.account_id = $1 AND a.company_id = $2 AND e.id < $3
      ORDER BY e.id DESC
      LIMIT $4`,
    [accountId, companyId, before ?? MAX_BIGINT, limit + 1],
  );
  const entries: LedgerLine[] = rows.slice(0, limit).map((row) => ({
    id: BigInt(row.id),
    kind: row.kind,
    amount: BigInt(row.amount),
    balanceAfter: BigInt(row.balance_after),
    description: row.description,
    reference: row.reference,
    createdAt: row.created_at,
  }));
  return { entries, olderCursor: rows.length > limit ? entries[entries.length - 1].id : null };
}

/** Credits reserved by work in progress (pending holds), newest first. */
export async function listOpenHolds(companyId: number, accountId: number, limit = 100): Promise<OpenHold[]> {
  const { rows } = await pool().query(
    `SELECT h.id, h.amount, h.description, h.reference, h.created_at, h.expires_at
       FROM credit_hold h JOIN iap_account a ON a.id = h.account_id
      WHERE h.account_id = $1 AND a.company_id = $2 AND h.status = 'PENDING'
      ORDER BY h.id DESC
      LIMIT $3`,
    [accountId, companyId, limit],
  );
  return rows.map((row) => ({
    id: row.id,
    amount: BigInt(row.amount),
    description: row.description,
    reference: row.reference,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  }));
}

/** The account's purchases of credit packs, newest first. */
export async function listPurchases(companyId: number, accountId: number, limit = 20): Promise<PurchaseLine[]> {
  const { rows } = await pool().query(
    `SELECT p.id, k.name AS pack_name, p.credits, p.amount, p.currency, p.status, p.created_at, p.paid_at
       FROM purchase p
       JOIN iap_account a ON a.id = p.account_id
       JOIN credit_pack k ON k.id = p.pack_id
      WHERE p.account_id = $1 AND a.company_id = $2
      ORDER BY p.created_at DESC, p.id DESC
      LIMIT $3`,
    [accountId, companyId, limit],
  );
  return rows.map((row) => ({
    id: row.id,
    packName: row.pack_name,
    credits: BigInt(row.credits),
    amount: row.amount,
    currency: row.currency.trim(),
    status: row.status,
    createdAt: row.created_at,
    paidAt: row.paid_at,
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
