// Requests of the API: path parameters, query strings and bodies. Plain zod
// (no database), so the routes, the OpenAPI document and tests share them.
// The messages here are English on purpose: they are part of the API's
// contract for machines (problem details, the OpenAPI document), not words of
// the UI. The forms' schemas elsewhere in lib/ carry validation codes instead.
import { z } from "zod";
import { requestAmount } from "@/lib/events/amounts";
import { hasNul, MAX_BIGINT, MAX_ID } from "@/lib/http/params";

export const serviceParams = z.object({
  service: z.string().regex(/^[a-z0-9_]{1,64}$/, { message: "must be a service's technical name, such as sms" }).meta({ description: "A service's technical name (GET /services).", example: "sms" }),
});

export const holdParams = z.object({
  id: z.coerce.number().int().positive().max(2_147_483_647).meta({ description: "The hold's id.", example: 42 }),
});

export const purchaseParams = z.object({
  id: z.coerce.number().int().positive().max(2_147_483_647).meta({ description: "The purchase's id.", example: 7 }),
});

export const MAX_PAGE = 100;

/** A `next_cursor` handed back: digits within the id column, so a forged one is a 400, not a failed query. */
function cursorWithin(max: bigint) {
  return z
    .string()
    .regex(/^\d{1,19}$/, { message: "must be the next_cursor of a previous page" })
    // zod runs this check even when the regex failed: only digits reach BigInt().
    .refine((value) => !/^\d{1,19}$/.test(value) || BigInt(value) <= max, { message: "must be the next_cursor of a previous page" })
    .optional()
    .meta({ description: "The `next_cursor` of the previous page; omit for the newest items." });
}

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50).meta({ description: `Items per page, 1 to ${MAX_PAGE}.` }),
  cursor: cursorWithin(MAX_BIGINT),
});

export const purchasesQuery = pageQuery.extend({
  // Purchases are numbered in an `integer` column, ledger entries in a `bigint` one.
  cursor: cursorWithin(BigInt(MAX_ID)),
  service: serviceParams.shape.service.optional().meta({ description: "Only this service's purchases." }),
});

/** Text PostgreSQL can store (no NUL), refused with the API's own English message. */
const apiText = () => z.string().refine((value) => !hasNul(value), { message: "must not contain a NUL character" });

const description = apiText().trim().min(1, { message: "must not be empty" }).max(200, { message: "must be at most 200 characters" });
const reference = apiText()
  .trim()
  .max(200, { message: "must be at most 200 characters" })
  .nullish()
  .meta({ description: "Your own reference (an order number…), kept with the entry." });

export const chargeBody = z
  .object({
    amount: requestAmount,
    description: description.meta({ description: "What the credits paid for; shown in the account's history.", example: "Order #1042 confirmation SMS" }),
    reference,
  })
  .strict()
  .meta({ id: "ChargeRequest" });

export const MAX_HOLD_SECONDS = 7 * 24 * 3600;

export const holdBody = z
  .object({
    service: serviceParams.shape.service,
    amount: requestAmount.meta({ description: "The most the work may cost." }),
    description: description.meta({ example: "Bill digitization #88" }),
    reference,
    expires_in: z
      .int()
      .min(1)
      .max(MAX_HOLD_SECONDS)
      .default(900)
      .meta({ description: "Seconds before an uncaptured hold is freed (default 900, at most 7 days)." }),
  })
  .strict()
  .meta({ id: "HoldRequest" });

export const captureBody = z
  .object({
    amount: requestAmount.optional().meta({ description: "Credits to take, at most the hold's amount; default: all of it. The rest is freed." }),
    description: description.optional().meta({ description: "Replaces the hold's description on the ledger entry." }),
  })
  .strict()
  .meta({ id: "CaptureRequest" });

export const releaseBody = z.object({}).strict().meta({ id: "ReleaseRequest" });

export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      data: z.array(item),
      next_cursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next (older) page; null on the last page." }),
    })
    .meta({ id });
}
