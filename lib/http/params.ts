import { z } from "zod";

// Numbers and text that come from a request (path segments, query strings,
// form fields), bounded by what the database columns hold, so that a crafted
// value is refused as unknown or wrong instead of failing the query (a 500):
// `?page=1e30`, an id past int4, a NUL character PostgreSQL cannot store.
//
//   parseId(raw)            → a row id (1 … 2,147,483,647, digits only) or null: pages answer 404 for null
//   parsePage(raw, last?)   → a page number ≥ 1, at most `last` (default 100,000); anything else is 1
//   parseBigId(raw)         → a bigint row id (ledger entries) or null
//   idField(code)           → the zod schema of an id in a form or an action's argument
//   hasNul(text)            → true when `text` holds a character PostgreSQL text cannot store
//   textField()             → z.string() that refuses such a character (field.nul) (every text a form sends)
//   formDataOf(value)       → the FormData a server action was given, or an empty one for anything else

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

/**
 * An id as a form sends it ("42") or an action's argument carries it (42):
 * digits only — not "0x1f", " 1" or "1e3", which Number() would accept — and
 * within the column. Anything else fails with `code` (a validation catalogue
 * key, lib/i18n/issues.ts: "contacts.unknown").
 */
export function idField(code: string) {
  return z.union([z.number(), z.string()], { error: code }).transform((value, ctx) => {
    const id = typeof value === "number" ? (Number.isInteger(value) && value >= 1 && value <= MAX_ID ? value : null) : parseId(value);
    if (id === null) {
      ctx.addIssue({ code: "custom", message: code });
      return z.NEVER;
    }
    return id;
  });
}

export function hasNul(text: string): boolean {
  return text.includes("\u0000");
}

/** The validation code of a NUL character in a text (messages/<locale>/validation.json). */
export const NUL_MESSAGE = "field.nul";

/** z.string() for any text from a form or an action's argument: the same chain (.trim(), .max() …) follows. */
export function textField(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine((value) => !hasNul(value), { message: NUL_MESSAGE });
}

/**
 * A server action is a public POST endpoint: its "formData" argument is
 * whatever the caller encoded (a string, an array, nothing). Read through this,
 * anything but a FormData is an empty form, refused by the action's schema
 * with its usual messages instead of a TypeError (a 500).
 */
export function formDataOf(value: unknown): FormData {
  return value instanceof FormData ? value : new FormData();
}
