import "server-only";
import QueryStream from "pg-query-stream";
import { pool } from "@/lib/db/client";
import type { LedgerKindName } from "./credit-status";
import type { HistoryFilter } from "./history-filter";
import { ledgerWording, type LedgerWording } from "./ledger-wording";
import { formatCredits } from "./units";

// The credit history with its filters, newest first, and its CSV export.
// Every query joins iap_account on company_id: an account id from the URL
// never reveals another company's ledger.

export interface LedgerLine {
  id: bigint;
  kind: LedgerKindName;
  amount: bigint;
  balanceAfter: bigint;
  /** English, as stored; `wording` says the same as a code for the reader's language (null on older rows). */
  description: string;
  wording: LedgerWording | null;
  reference: string | null;
  createdAt: Date;
}

export interface HistoryLine extends LedgerLine {
  userId: number | null;
  userName: string | null;
}

export interface LedgerPage<Line extends LedgerLine = HistoryLine> {
  entries: Line[];
  /** Pass as `before` to read the next (older) page; null on the last page. */
  olderCursor: bigint | null;
}

// A page's render time grows with its rows (each is a table row of six cells in
// the HTML and again in the RSC payload): the Account Information page shows 20
// and links to older ones, which keyset pagination serves as fast.
export const HISTORY_PAGE_SIZE = 20;
const MAX_BIGINT = 9223372036854775807n;

/** LIKE's wildcards typed by the user are searched as themselves. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The WHERE of a filtered history: $1 account, $2 company, then the filter's
 * values. Dates are whole days in the company's time zone (created_at is UTC).
 */
function filterSql(accountId: number, companyId: number, filter: HistoryFilter): { where: string; values: unknown[] } {
  const values: unknown[] = [accountId, companyId];
  const conditions = ["e.account_id = $1", "a.company_id = $2"];
  const add = (sql: (n: string) => string, value: unknown) => {
    values.push(value);
    conditions.push(sql(`$${values.length}`));
  };
  if (filter.kind) add((n) => `e.kind = ${n}::"LedgerKind"`, filter.kind);
  if (filter.user === 0) conditions.push("e.created_by_id IS NULL");
  else if (filter.user !== undefined) add((n) => `e.created_by_id = ${n}`, filter.user);
  if (filter.from) add((n) => `e.created_at >= ((${n}::date)::timestamp AT TIME ZONE c.time_zone) AT TIME ZONE 'UTC'`, filter.from);
  if (filter.to) add((n) => `e.created_at < ((${n}::date + 1)::timestamp AT TIME ZONE c.time_zone) AT TIME ZONE 'UTC'`, filter.to);
  if (filter.q) add((n) => `(e.description ILIKE ${n} OR e.reference ILIKE ${n})`, likePattern(filter.q));
  return { where: conditions.join(" AND "), values };
}

const FROM = `ledger_entry e JOIN iap_account a ON a.id = e.account_id JOIN company c ON c.id = a.company_id
  LEFT JOIN app_user u ON u.id = e.created_by_id AND u.company_id = a.company_id`;
const COLUMNS = "e.id, e.kind, e.amount, e.balance_after, e.description, e.description_code, e.description_params, e.reference, e.created_by_id, u.name AS user_name, u.email AS user_email, e.created_at";

/**
 * One page of the filtered history, newest first. Keyset pagination on the
 * ledger's (account_id, id DESC) index: no OFFSET, no count.
 */
export async function listHistory(
  companyId: number,
  accountId: number,
  filter: HistoryFilter,
  { before = null, limit = HISTORY_PAGE_SIZE }: { before?: bigint | null; limit?: number } = {},
): Promise<LedgerPage> {
  const { where, values } = filterSql(accountId, companyId, filter);
  values.push(before ?? MAX_BIGINT, limit + 1);
  const { rows } = await pool().query(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where} AND e.id < $${values.length - 1} ORDER BY e.id DESC LIMIT $${values.length}`,
    values,
  );
  const entries: HistoryLine[] = rows.slice(0, limit).map((row) => ({
    id: BigInt(row.id),
    kind: row.kind,
    amount: BigInt(row.amount),
    balanceAfter: BigInt(row.balance_after),
    description: row.description,
    wording: ledgerWording(row.description_code, row.description_params),
    reference: row.reference,
    userId: row.created_by_id,
    userName: row.user_name,
    createdAt: row.created_at,
  }));
  return { entries, olderCursor: rows.length > limit ? entries[entries.length - 1].id : null };
}

// `description` is in the exporter's language; `description_code` is the
// stable machine column (empty on rows older than the codes), added last so
// that the columns before it keep their places.
export const HISTORY_CSV_HEADER = ["id", "date_utc", "kind", "amount", "balance_after", "user", "description", "reference", "description_code"];

/** Words an entry's description for the CSV's reader; the stored English when none is given. */
export type DescribeEntry = (entry: { description: string; wording: LedgerWording | null }) => string;

const storedDescription: DescribeEntry = (entry) => entry.description;

/**
 * One CSV field (RFC 4180: quoted when it holds a comma, quote or line break).
 * Text a spreadsheet would run as a formula (=, +, -, @ first) gets a leading
 * apostrophe; numbers are written by us and never need it.
 */
function csvField(value: string, { text }: { text: boolean }): string {
  const safe = text && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The filtered history as CSV, streamed: a server-side cursor
 * (pg-query-stream) reads BATCH rows at a time and the stream pulls the next
 * batch only when the client has taken the previous one, so memory stays flat
 * however long the history is. The connection goes back to the pool at the
 * end, on error, or when the client goes away. Null when the account is not
 * the company's.
 */
export async function streamHistoryCsv(
  companyId: number,
  accountId: number,
  filter: HistoryFilter,
  describe: DescribeEntry = storedDescription,
): Promise<ReadableStream<Uint8Array> | null> {
  const { rows } = await pool().query<{ decimals: number }>(
    "SELECT s.decimals FROM iap_account a JOIN iap_service s ON s.id = a.service_id WHERE a.id = $1 AND a.company_id = $2",
    [accountId, companyId],
  );
  if (!rows[0]) return null;
  const decimals = rows[0].decimals;
  const { where, values } = filterSql(accountId, companyId, filter);
  const client = await pool().connect();
  const query = new QueryStream(`SELECT ${COLUMNS} FROM ${FROM} WHERE ${where} ORDER BY e.id DESC`, values, { batchSize: BATCH });
  const source = client.query(query);
  const encoder = new TextEncoder();
  let released = false;
  const finish = (error?: Error) => {
    if (released) return;
    released = true;
    client.release(error);
  };
  const iterator = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(HISTORY_CSV_HEADER.join(",") + "\r\n"));
      },
      async pull(controller) {
        try {
          let chunk = "";
          for (let i = 0; i < BATCH; i++) {
            const next = await iterator.next();
            if (next.done) {
              if (chunk) controller.enqueue(encoder.encode(chunk));
              controller.close();
              finish();
              return;
            }
            chunk += csvLine(next.value, decimals, describe);
          }
          controller.enqueue(encoder.encode(chunk));
        } catch (error) {
          finish(error as Error);
          controller.error(error);
        }
      },
      async cancel() {
        source.destroy();
        finish(new Error("CSV export cancelled"));
      },
    },
    { highWaterMark: 1 },
  );
}

const BATCH = 1000;

function csvLine(row: Record<string, unknown>, decimals: number, describe: DescribeEntry): string {
  return (
    [
      String(row.id),
      (row.created_at as Date).toISOString(),
      row.kind as string,
      formatCredits(BigInt(row.amount as string), decimals, { grouping: false }),
      formatCredits(BigInt(row.balance_after as string), decimals, { grouping: false }),
      csvField((row.user_email as string | null) ?? "", { text: true }),
      csvField(describe({ description: row.description as string, wording: ledgerWording(row.description_code, row.description_params) }), { text: true }),
      csvField((row.reference as string | null) ?? "", { text: true }),
      csvField((row.description_code as string | null) ?? "", { text: true }),
    ].join(",") + "\r\n"
  );
}
