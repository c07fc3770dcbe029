import { z } from "zod";

// Numbers and text that come from a request (path segments, query strings,
// form fields), bounded by what the database columns hold, so that a crafted
// value is refused as unknown or wrong instead of failing the query (a 500):
// `?page=1e30`, an id past int4, a NUL character PostgreSQL cannot store.
//
//   parseId(raw)            → a row id (1 … 2,147,483,647, digits only) or null: pages answer 404 for null
//   parsePage(raw, last?)   → a page number ≥ 1, at most `last` (default 100,000); anything else is 1
//   parseBigId(raw)         → a bigint row id (ledger entries) or null
//   idField(message)        → the zod schema of an id in a form or an action's argument
//   hasNul(text)            → true when `text` holds a character PostgreSQL text cannot store

/** PostgreSQL `integer`, the type of every id column but the ledger's. */
export const MAX_ID = 2_147_483_647;
/** PostgreSQL `bigint`. */
export const MAX_BIGINT = 9_223_372_036_854_775_807n;
const MAX_PAGE = 100_000;

export function parseId(raw: unknown): number | null {
  if (typeof raw !== "string" || !/^[1-9]\d{0,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= MAX_ID ? id : null;
}

export function parseBigId(raw: unknown): bigint | null {
  if (typeof raw !== "string" || !/^[1-9]\d{0,18}$/.test(raw)) return null;
  const id = BigInt(raw);
  return id <= MAX_BIGINT ? id : null;
}

export function parsePage(raw: unknown, last = MAX_PAGE): number {
  if (typeof raw !== "string" || !/^[1-9]\d{0,5}$/.test(raw)) return 1;
  return Math.min(Number(raw), Math.max(1, last), MAX_PAGE);
}

export function idField(message: string) {
  return z.coerce.number({ error: message }).int({ error: message }).min(1, { error: message }).max(MAX_ID, { error: message });
}

export function hasNul(text: string): boolean {
  return text.includes("\u0000");
}
