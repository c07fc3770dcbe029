// The credit history's filters, as the URL carries them (plain module: the
// page, the CSV route and lib/iap/history.ts parse the same way).
import { z } from "zod";
import { LEDGER_KIND_LABELS, type LedgerKindName } from "./credit-status";

const KINDS = Object.keys(LEDGER_KIND_LABELS) as [LedgerKindName, ...LedgerKindName[]];
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "iap.history.dateFormat").refine((value) => !Number.isNaN(Date.parse(value)), "iap.history.noSuchDate");
const blankAsUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const historyFilterSchema = z
  .object({
    kind: z.preprocess(blankAsUndefined, z.enum(KINDS).optional()),
    /** A user's id; 0 = entries without a user (API, jobs, grants). */
    user: z.preprocess(blankAsUndefined, z.coerce.number().int().min(0).max(2_147_483_647).optional()),
    /** First and last day, inclusive, in the company's time zone. */
    from: z.preprocess(blankAsUndefined, day.optional()),
    to: z.preprocess(blankAsUndefined, day.optional()),
    /** Words in the description or the reference. */
    q: z.preprocess(blankAsUndefined, z.string().trim().max(100, "iap.history.searchTooLong").optional()),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, { path: ["to"], message: "iap.history.endBeforeStart" });

export type HistoryFilter = z.infer<typeof historyFilterSchema>;

/** The filter as URL search parameters (for links: next page, CSV export), empty fields left out. */
export function historyFilterParams(filter: HistoryFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== undefined && value !== "") params.set(key, String(value));
  return params;
}

export function isFiltered(filter: HistoryFilter): boolean {
  return Object.values(filter).some((value) => value !== undefined);
}
