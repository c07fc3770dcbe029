import "server-only";
import { pool, prisma } from "@/lib/db/client";
import { postMessage, type ChatterLog } from "@/lib/contacts/chatter";
import { getOrCreateAccount, getService } from "@/lib/iap/accounts";
import { charge } from "@/lib/iap/charge";
import { InsufficientCreditsError } from "@/lib/iap/errors";
import { creditsToUnits, formatCredits } from "@/lib/iap/units";
import { companyDataProvider } from "./providers";
import type { LeadCriteria } from "./providers/provider";
import { SERVICES } from "@/lib/iap/catalogue";

/**
 * What the `outcome` column holds: the outcome's code ("found", "none",
 * "not-enough-credits"), or "failed: " and the error for the operator. The
 * page words the code (messages/<locale>/leads.json, `outcome.*`). Rows from
 * before codes hold an English sentence: "Not enough credits" is still read.
 */
const NOT_ENOUGH_CREDITS = "not-enough-credits";
const NOT_ENOUGH_CREDITS_BEFORE_CODES = "Not enough credits";

/**
 * Two people converted one lead at the same moment: the later one is refused,
 * in the reader's words (leads.json `convert.convertedMeanwhile`); the message
 * is for logs only.
 */
export class LeadConvertedMeanwhileError extends Error {
  readonly code = "leadConvertedMeanwhile";
  constructor() {
    super("Lead converted concurrently by another request");
  }
}

export interface GenerateLeadsInput extends LeadCriteria {
  companyId: number;
  userId: number | null;
  /** 1–200: the most credits the request may use. */
  count: number;
  /** One per submitted form: a double submit makes one request. */
  clientKey: string;
}

export type GenerateLeadsResult =
  | { status: "done"; requestId: number; found: number; creditsUsed: string; outcome: LeadRequestOutcome; replayed: boolean }
  | { status: "insufficient"; requestId: number; error: InsufficientCreditsError };

/** How a finished request ended, as a code and its figures (the page words it). */
export function leadsOutcome(requested: number, found: number, decimals: number): LeadRequestOutcome {
  if (found === 0) return { code: "none" };
  return { code: "found", found, used: formatCredits(creditsToUnits(found, decimals), decimals), released: requested - found };
}

/**
 * A Generate Leads request: record it (draft) → hold `count` credits → find
 * and insert up to `count` new leads → capture one credit per lead actually
 * inserted and release the rest → done (or error with the outcome). Requests
 * of one company are serialised by a transaction-scoped advisory lock, so two
 * identical requests at once get different companies; the unique
 * (company_id, directory_company_id) with ON CONFLICT DO NOTHING is the
 * backstop, and the capture counts rows really inserted.
 */
export async function generateLeads(input: GenerateLeadsInput): Promise<GenerateLeadsResult> {
  const service = await getService(SERVICES.leadGeneration);
  const created = await pool().query(
    `INSERT INTO lead_request (company_id, client_key, requested, countries, industries, created_by_id)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (company_id, client_key) DO NOTHING RETURNING id`,
    [input.companyId, input.clientKey, input.count, input.countries, input.industries, input.userId],
  );
  if (!created.rows[0]) return replayRequest(input.companyId, input.clientKey, service.decimals);
  const requestId = created.rows[0].id as number;

  try {
    const charged = await charge(
      {
        companyId: input.companyId,
        service: SERVICES.leadGeneration,
        amount: creditsToUnits(input.count, service.decimals),
        idempotencyKey: `lead-request:${requestId}`,
        description: `Lead Generation: up to ${input.count} companies`,
        wording: { code: "leads", params: { count: input.count } },
        reference: `lead_request:${requestId}`,
        createdById: input.userId,
        actualAmount: (result: { inserted: number }) => creditsToUnits(result.inserted, service.decimals),
      },
      async () => ({ inserted: await insertLeads(input, requestId) }),
    );
    const found = charged.result.inserted;
    const outcome = leadsOutcome(input.count, found, service.decimals);
    await pool().query(
      `UPDATE lead_request SET state = 'DONE', found = $2, credits_used = $3, outcome = $4, done_at = now() WHERE id = $1`,
      [requestId, found, charged.captured, outcome.code],
    );
    return { status: "done", requestId, found, creditsUsed: formatCredits(charged.captured, service.decimals), outcome, replayed: false };
  } catch (error) {
    // The error's own message stays for the operator; the page says "Failed (no credits were used)" in the reader's words.
    const outcome = error instanceof InsufficientCreditsError ? NOT_ENOUGH_CREDITS : `failed: ${(error as Error).message}`;
    await pool().query(`UPDATE lead_request SET state = 'ERROR', outcome = $2, done_at = now() WHERE id = $1`, [requestId, outcome]);
    if (error instanceof InsufficientCreditsError) return { status: "insufficient", requestId, error };
    throw error;
  }
}

async function insertLeads(input: GenerateLeadsInput, requestId: number): Promise<number> {
  return prisma().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('lead-generation'), ${input.companyId})`;
      const ids = await companyDataProvider().findLeadCandidates(tx, input.companyId, input, input.count);
      if (!ids.length) return 0;
      return tx.$executeRaw`
        INSERT INTO lead (company_id, request_id, directory_company_id, name, country, region, postal_code, city, registration_number, industry, source)
        SELECT ${input.companyId}, ${requestId}, d.id, d.name, d.country, d.region, d.postal_code, d.city, d.registration_number, d.industry, d.source
          FROM company_directory d WHERE d.id = ANY(${ids}::int[])
        ON CONFLICT (company_id, directory_company_id) DO NOTHING`;
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}

async function replayRequest(companyId: number, clientKey: string, decimals: number): Promise<GenerateLeadsResult> {
  const request = await prisma().leadRequest.findUniqueOrThrow({ where: { companyId_clientKey: { companyId, clientKey } } });
  return {
    status: "done",
    requestId: request.id,
    found: request.found,
    creditsUsed: formatCredits(request.creditsUsed, decimals),
    outcome: outcomeOf(request, decimals),
    replayed: true,
  };
}

export interface LeadRow {
  id: number;
  name: string;
  /** Null for a visiting organisation the company directory does not know. */
  country: string | null;
  industry: string | null;
  /** Mined by criteria, or revealed from website visits. */
  origin: "MINED" | "VISIT";
  /** Where the company data came from, as a code: gleif, sp500, vies, network (the page names it). */
  source: string;
  status: "NEW" | "CONVERTED";
  contactId: number | null;
  createdAt: Date;
  /** Website visits only (empty / null for mined leads). */
  networkOrganisation: string | null;
  pages: string[];
  pageViews: number;
  firstVisitAt: Date | null;
  lastVisitAt: Date | null;
}

export async function listLeads(companyId: number, limit = 500): Promise<LeadRow[]> {
  const leads = await prisma().lead.findMany({
    where: { companyId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      name: true,
      country: true,
      industry: true,
      origin: true,
      source: true,
      status: true,
      contactId: true,
      createdAt: true,
      networkOrganisation: true,
      pages: true,
      pageViews: true,
      firstVisitAt: true,
      lastVisitAt: true,
    },
  });
  return leads.map((lead) => ({ ...lead, country: lead.country?.trim() ?? null }));
}

/**
 * How a lead request ended, as codes and figures for the page to say (the
 * `outcome` column keeps the code, and a failure's detail for the operator).
 */
export type LeadRequestOutcome =
  | { code: "running" }
  | { code: "found"; found: number; used: string; released: number }
  | { code: "none" }
  | { code: "not-enough-credits" }
  | { code: "failed" };

export interface LeadRequestRow {
  id: number;
  requested: number;
  countries: string[];
  industries: string[];
  state: "DRAFT" | "DONE" | "ERROR";
  found: number;
  creditsUsed: string;
  outcome: LeadRequestOutcome;
  createdAt: Date;
}

function outcomeOf(request: { state: "DRAFT" | "DONE" | "ERROR"; requested: number; found: number; outcome: string | null }, decimals: number): LeadRequestOutcome {
  if (request.state === "DRAFT") return { code: "running" };
  if (request.state === "ERROR") return { code: request.outcome === NOT_ENOUGH_CREDITS || request.outcome === NOT_ENOUGH_CREDITS_BEFORE_CODES ? "not-enough-credits" : "failed" };
  return leadsOutcome(request.requested, request.found, decimals);
}

export async function listLeadRequests(companyId: number, limit = 50): Promise<LeadRequestRow[]> {
  const [service, requests] = await Promise.all([
    getService(SERVICES.leadGeneration),
    prisma().leadRequest.findMany({ where: { companyId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit }),
  ]);
  return requests.map((r) => ({
    id: r.id,
    requested: r.requested,
    countries: r.countries,
    industries: r.industries,
    state: r.state,
    found: r.found,
    creditsUsed: formatCredits(r.creditsUsed, service.decimals),
    outcome: outcomeOf(r, service.decimals),
    createdAt: r.createdAt,
  }));
}

/** Whole Lead Generation credits the company can spend now (balance less holds); the account is opened on first use. */
export async function leadCredits(companyId: number): Promise<number> {
  const account = await getOrCreateAccount(companyId, SERVICES.leadGeneration);
  const { rows } = await pool().query("SELECT balance - held AS available FROM iap_account WHERE id = $1", [account.id]);
  return Number(BigInt(rows[0].available) / 10n ** BigInt(account.service.decimals));
}

export function leadFacets() {
  return companyDataProvider().facets();
}

/**
 * One click: the lead becomes a contact (a company contact with the lead's
 * data) and is marked converted. Converting twice gives the same contact;
 * a conversion racing another one throws LeadConvertedMeanwhileError (and
 * creates nothing).
 */
export async function convertLead(companyId: number, leadId: number, userId: number | null): Promise<{ contactId: number } | null> {
  return prisma().$transaction(async (tx) => {
    const lead = await tx.lead.findFirst({ where: { id: leadId, companyId } });
    if (!lead) return null;
    if (lead.contactId) return { contactId: lead.contactId };
    const contact = await tx.contact.create({
      data: {
        companyId,
        name: lead.name,
        country: lead.country?.trim() ?? null,
        zip: lead.postalCode,
        website: lead.website,
        city: lead.city,
        registrationNumber: lead.registrationNumber,
        industry: lead.industry,
        isCompany: true,
      },
    });
    const claimed = await tx.lead.updateMany({ where: { id: lead.id, contactId: null }, data: { status: "CONVERTED", contactId: contact.id } });
    if (claimed.count !== 1) throw new LeadConvertedMeanwhileError();
    const log: ChatterLog =
      lead.origin === "VISIT" ? { code: "leadFromVisit", params: { pages: lead.pages.slice(0, 5) } } : { code: "leadMined", params: { source: lead.source } };
    await postMessage({ companyId, contactId: contact.id, kind: "SYSTEM", body: "", log, authorId: userId }, tx);
    return { contactId: contact.id };
  });
}
