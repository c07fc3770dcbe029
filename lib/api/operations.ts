import "server-only";
// Over 300 lines on purpose: this is the endpoint table of /api/v1, one
// declaration per endpoint in the order the OpenAPI document lists them
// (openapi.ts generates the document from it). Split by tag, the entries
// would still read alike, and the order would live in a second file.
import { z } from "zod";
import { findPurchase, listPurchasePage } from "@/lib/billing/purchases";
import { getAccountByService, listAccounts, listLedgerEntries, listServices } from "@/lib/iap/account-views";
import { getOrCreateAccount, getService } from "@/lib/iap/accounts";
import { serviceNameSchema } from "@/lib/iap/catalogue";
import { findCompanyHold, type HoldDetail } from "@/lib/iap/hold-views";
import { capture, release, reserve } from "@/lib/iap/holds";
import { debit } from "@/lib/iap/ledger";
import { fromUnits, toUnits } from "@/lib/events/amounts";
import { defineOperation, type Operation } from "./operation";
import { ApiProblem } from "./problems";
import {
  accountResource,
  chargeResource,
  holdResource,
  ledgerEntryResource,
  purchaseResource,
  serviceResource,
  toAccountResource,
  toHoldResource,
  toLedgerEntryResource,
  toPurchaseResource,
  toServiceResource,
} from "@/lib/events/resources";
import {
  captureBody,
  chargeBody,
  holdBody,
  holdParams,
  pageOf,
  pageQuery,
  purchaseParams,
  purchasesQuery,
  releaseBody,
  serviceParams,
} from "./schemas";

// The endpoints of /api/v1. Each handler makes one call into lib/iap or
// lib/billing, scoped by the caller's company, which comes from the key only.

// Ledger keys of API requests: the client's Idempotency-Key, namespaced so it
// cannot collide with the app's own keys (sms:…, purchase:…, hold:…).
const ledgerKey = (idempotencyKey: string) => `api:${idempotencyKey}`;

function units(amount: string, decimals: number, path: string): bigint {
  const result = toUnits(amount, decimals);
  if (result.ok) return result.units;
  const message = result.code === "too_many_decimals" ? `has more than the service's ${decimals} decimal place${decimals === 1 ? "" : "s"}` : "must be more than 0";
  throw new ApiProblem("invalid_request", `Fix the request body: ${path} ${message}.`, { errors: [{ path, message }] });
}

async function serviceOrNotFound(technicalName: string) {
  const known = serviceNameSchema.safeParse(technicalName);
  if (!known.success) throw new ApiProblem("not_found", `There is no service "${technicalName}". GET /api/v1/services lists them.`);
  return getService(known.data);
}

async function accountOrNotFound(companyId: number, technicalName: string) {
  const account = await getAccountByService(companyId, technicalName);
  if (account) return account;
  await serviceOrNotFound(technicalName);
  throw new ApiProblem("not_found", `Your company has not used "${technicalName}" yet: its account opens with the first charge or hold.`);
}

async function holdOrNotFound(companyId: number, holdId: number): Promise<HoldDetail> {
  const hold = await findCompanyHold(companyId, holdId);
  if (!hold) throw new ApiProblem("not_found", `There is no hold ${holdId} in your company.`);
  return hold;
}

function notPending(hold: HoldDetail): ApiProblem {
  const status = hold.status.toLowerCase();
  return new ApiProblem("hold_not_pending", `Hold ${hold.id} is ${status}: a hold is captured or released once. Create a new hold.`, { hold_status: status });
}

const holdView = (hold: HoldDetail) => toHoldResource({ ...hold, service: hold.account.service });

/** A hold of the caller's company as the API shows it, read again after a change. */
async function holdResourceOf(companyId: number, holdId: number) {
  return holdView(await holdOrNotFound(companyId, holdId));
}

/**
 * What a charge and a hold both start from: the service named in the request,
 * the amount in its units (refused when it has too many decimals), and the
 * company's account, opened by its first charge or hold.
 */
async function accountToCharge(companyId: number, technicalName: string, amount: string) {
  const service = await serviceOrNotFound(technicalName);
  const asked = units(amount, service.decimals, "amount");
  const account = await getOrCreateAccount(companyId, service.technicalName);
  return { service, account, amount: asked };
}

export const ping = defineOperation({
  id: "ping",
  method: "GET",
  path: "/ping",
  tag: "Keys",
  summary: "Check an API key",
  description: "Answers with the key's name and scopes. It reads nothing else: use it to test a key, or as a health check.",
  response: {
    status: 200,
    description: "The key works.",
    schema: z.object({ ok: z.literal(true), key: z.object({ name: z.string(), scopes: z.array(z.enum(["read", "charge"])) }) }).meta({ id: "Ping" }),
  },
  problems: [],
  handle: async ({ caller }) => ({ ok: true as const, key: { name: caller.name, scopes: caller.scopes } }),
});

export const listServicesOperation = defineOperation({
  id: "listServices",
  method: "GET",
  path: "/services",
  scope: "read",
  tag: "Accounts",
  summary: "List the services",
  description: "Every service credits can be used for, with its unit and decimal places.",
  response: { status: 200, description: "The catalogue.", schema: z.object({ data: z.array(serviceResource) }).meta({ id: "ServiceList" }) },
  problems: ["insufficient_scope"],
  handle: async () => ({ data: (await listServices()).map(toServiceResource) }),
});

export const listAccountsOperation = defineOperation({
  id: "listAccounts",
  method: "GET",
  path: "/accounts",
  scope: "read",
  tag: "Accounts",
  summary: "List your accounts",
  description: "One account per service your company has used, with its balance, held and available credits.",
  response: { status: 200, description: "Your accounts.", schema: z.object({ data: z.array(accountResource) }).meta({ id: "AccountList" }) },
  problems: ["insufficient_scope"],
  handle: async ({ caller }) => ({ data: (await listAccounts(caller.companyId)).map(toAccountResource) }),
});

export const getAccountOperation = defineOperation({
  id: "getAccount",
  method: "GET",
  path: "/accounts/{service}",
  scope: "read",
  tag: "Accounts",
  summary: "Get one account",
  params: serviceParams,
  response: { status: 200, description: "The account.", schema: accountResource },
  problems: ["insufficient_scope", "invalid_request", "not_found"],
  handle: async ({ caller, params }) => toAccountResource(await accountOrNotFound(caller.companyId, params.service)),
});

export const listEntriesOperation = defineOperation({
  id: "listEntries",
  method: "GET",
  path: "/accounts/{service}/entries",
  scope: "read",
  tag: "Accounts",
  summary: "List an account's ledger entries",
  description: "Newest first, a page at a time (cursor pagination: pages stay consistent while entries are added).",
  params: serviceParams,
  query: pageQuery,
  response: { status: 200, description: "A page of entries.", schema: pageOf(ledgerEntryResource, "LedgerEntryPage") },
  problems: ["insufficient_scope", "invalid_request", "not_found"],
  handle: async ({ caller, params, query }) => {
    const account = await accountOrNotFound(caller.companyId, params.service);
    const page = await listLedgerEntries(caller.companyId, account.id, { before: query.cursor ? BigInt(query.cursor) : null, limit: query.limit });
    return { data: page.entries.map((entry) => toLedgerEntryResource(entry, account.decimals)), next_cursor: page.olderCursor?.toString() ?? null };
  },
});

export const createChargeOperation = defineOperation({
  id: "createCharge",
  method: "POST",
  path: "/accounts/{service}/charges",
  scope: "charge",
  tag: "Charges",
  summary: "Charge credits",
  description: "Takes credits for work whose price is known, in one step. Refused as a whole (402) when the account cannot pay it.",
  params: serviceParams,
  body: chargeBody,
  response: { status: 201, description: "Charged (or the replay of the first response to this Idempotency-Key).", schema: chargeResource },
  problems: ["insufficient_scope", "invalid_request", "not_found", "insufficient_credits"],
  handle: async ({ caller, params, body, idempotencyKey }) => {
    const { service, account, amount } = await accountToCharge(caller.companyId, params.service, body.amount);
    const entry = await debit(account, amount, { description: body.description, reference: body.reference ?? null, idempotencyKey: ledgerKey(idempotencyKey) });
    return toChargeView(service, entry, body);
  },
});

function toChargeView(service: { technicalName: string; decimals: number }, entry: { entryId: bigint; amount: bigint; balanceAfter: bigint }, body: { description: string; reference?: string | null }) {
  const d = service.decimals;
  const abs = entry.amount < 0n ? -entry.amount : entry.amount;
  return {
    entry_id: entry.entryId.toString(),
    service: service.technicalName,
    amount: fromUnits(abs, d),
    balance_after: fromUnits(entry.balanceAfter, d),
    description: body.description,
    reference: body.reference ?? null,
  };
}

export const createHoldOperation = defineOperation({
  id: "createHold",
  method: "POST",
  path: "/holds",
  scope: "charge",
  tag: "Holds",
  summary: "Reserve credits (authorize)",
  description:
    "Reserves credits for work whose final price is known only after it is done (Odoo's authorize). Then capture what the work cost, or release the hold (Odoo's cancel). An uncaptured hold is freed at expires_at.",
  body: holdBody,
  response: { status: 201, description: "Reserved.", schema: holdResource },
  problems: ["insufficient_scope", "invalid_request", "not_found", "insufficient_credits"],
  handle: async ({ caller, body, idempotencyKey }) => {
    const { account, amount } = await accountToCharge(caller.companyId, body.service, body.amount);
    const hold = await reserve(account, amount, {
      description: body.description,
      reference: body.reference ?? null,
      idempotencyKey: ledgerKey(idempotencyKey),
      ttlSeconds: body.expires_in,
    });
    return holdResourceOf(caller.companyId, hold.id);
  },
});

export const getHoldOperation = defineOperation({
  id: "getHold",
  method: "GET",
  path: "/holds/{id}",
  scope: "read",
  tag: "Holds",
  summary: "Get a hold",
  params: holdParams,
  response: { status: 200, description: "The hold.", schema: holdResource },
  problems: ["insufficient_scope", "invalid_request", "not_found"],
  handle: async ({ caller, params }) => holdResourceOf(caller.companyId, params.id),
});

export const captureHoldOperation = defineOperation({
  id: "captureHold",
  method: "POST",
  path: "/holds/{id}/capture",
  scope: "charge",
  tag: "Holds",
  summary: "Capture a hold",
  description: "Takes `amount` (at most what the hold reserved; default all of it) and frees the rest. A hold is captured or released once.",
  params: holdParams,
  body: captureBody,
  response: { status: 200, description: "Captured.", schema: holdResource },
  problems: ["insufficient_scope", "invalid_request", "not_found", "hold_not_pending", "amount_exceeds_hold"],
  handle: async ({ caller, params, body, resumed }) => {
    const hold = await holdOrNotFound(caller.companyId, params.id);
    if (hold.status !== "PENDING" && !resumed) throw notPending(hold);
    const d = hold.account.service.decimals;
    const amount = body.amount === undefined ? hold.amount : units(body.amount, d, "amount");
    if (amount > hold.amount) {
      throw new ApiProblem("amount_exceeds_hold", `Hold ${hold.id} reserved ${fromUnits(hold.amount, d)}: capture at most that.`, { held: fromUnits(hold.amount, d) });
    }
    await capture(hold, amount, { description: body.description });
    return holdResourceOf(caller.companyId, hold.id);
  },
});

export const releaseHoldOperation = defineOperation({
  id: "releaseHold",
  method: "POST",
  path: "/holds/{id}/release",
  scope: "charge",
  tag: "Holds",
  summary: "Release a hold (cancel)",
  description: "Frees the whole hold: nothing is charged (Odoo's cancel).",
  params: holdParams,
  body: releaseBody,
  response: { status: 200, description: "Released.", schema: holdResource },
  problems: ["insufficient_scope", "invalid_request", "not_found", "hold_not_pending"],
  handle: async ({ caller, params, resumed }) => {
    const hold = await holdOrNotFound(caller.companyId, params.id);
    const released = await release(hold);
    const after = await holdOrNotFound(caller.companyId, hold.id);
    // Not released now: refused, unless the first run of this same request
    // released it and stopped before answering.
    if (!released && !(resumed && after.status === "RELEASED")) throw notPending(after);
    return holdView(after);
  },
});

export const listPurchasesOperation = defineOperation({
  id: "listPurchases",
  method: "GET",
  path: "/purchases",
  scope: "read",
  tag: "Purchases",
  summary: "List credit purchases",
  description: "Packs bought by your company, newest first.",
  query: purchasesQuery,
  response: { status: 200, description: "A page of purchases.", schema: pageOf(purchaseResource, "PurchasePage") },
  problems: ["insufficient_scope", "invalid_request"],
  handle: async ({ caller, query }) => {
    const page = await listPurchasePage(caller.companyId, { service: query.service ?? null, before: query.cursor ? Number(query.cursor) : null, limit: query.limit });
    return { data: page.purchases.map(toPurchaseResource), next_cursor: page.olderCursor?.toString() ?? null };
  },
});

export const getPurchaseOperation = defineOperation({
  id: "getPurchase",
  method: "GET",
  path: "/purchases/{id}",
  scope: "read",
  tag: "Purchases",
  summary: "Get a purchase",
  params: purchaseParams,
  response: { status: 200, description: "The purchase.", schema: purchaseResource },
  problems: ["insufficient_scope", "invalid_request", "not_found"],
  handle: async ({ caller, params }) => {
    const purchase = await findPurchase(params.id, caller.companyId);
    if (!purchase) throw new ApiProblem("not_found", `There is no purchase ${params.id} in your company.`);
    return toPurchaseResource(purchase);
  },
});

/** Every endpoint, in the order the document lists them. */
export const OPERATIONS: Operation[] = [
  ping,
  listServicesOperation,
  listAccountsOperation,
  getAccountOperation,
  listEntriesOperation,
  createChargeOperation,
  createHoldOperation,
  getHoldOperation,
  captureHoldOperation,
  releaseHoldOperation,
  listPurchasesOperation,
  getPurchaseOperation,
] as Operation[];
