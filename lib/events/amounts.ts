// Amounts in the API are decimal strings in credits ("12.50"), never JSON
// numbers: a JSON number is a float to most clients, and a service's scale
// (lib/iap/units: 1 credit = 10^decimals units) is not something an
// integration should have to know to read a balance. Requests may send fewer
// decimal places than the service has ("12.5", "3"), never more.
import { z } from "zod";
import { formatCredits, unitsPerCredit } from "@/lib/iap/units";

const DECIMAL = /^(\d{1,15})(?:\.(\d{1,6}))?$/;

/** A positive amount in a request. The service's decimal places are checked by `toUnits`. */
export const requestAmount = z
  .string()
  .regex(DECIMAL, { message: 'must be a decimal string of credits, such as "12.50" (no sign, no exponent)' })
  .meta({ description: "Credits as a decimal string, up to the service's decimal places.", example: "1.50" });

/** An amount in a response, in the service's exact scale; ledger amounts carry a sign. */
export const responseAmount = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .meta({ description: "Credits as a decimal string with exactly the service's decimal places.", example: "12.50" });

export type UnitsResult = { ok: true; units: bigint } | { ok: false; code: "too_many_decimals" | "not_positive" };

/** "1.5" with 2 decimals → 150n. Exact: no floating point on the way. */
export function toUnits(amount: string, decimals: number): UnitsResult {
  const match = DECIMAL.exec(amount);
  if (!match) return { ok: false, code: "not_positive" };
  const [, whole, fraction = ""] = match;
  const significant = fraction.replace(/0+$/, "");
  if (significant.length > decimals) return { ok: false, code: "too_many_decimals" };
  const units = BigInt(whole) * unitsPerCredit(decimals) + BigInt(significant.padEnd(decimals, "0") || "0");
  return units > 0n ? { ok: true, units } : { ok: false, code: "not_positive" };
}

/** 150n with 2 decimals → "1.50" (no grouping: machines read it). */
export function fromUnits(units: bigint, decimals: number): string {
  return formatCredits(units, decimals, { grouping: false });
}
