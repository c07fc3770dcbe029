import "server-only";
// Just over 300 lines: suggestions and the charged enrichment of Partner
// Autocomplete share the directory rows, the form fields and the charge key;
// split it into suggest.ts / enrich.ts when either grows.
import { pool, prisma, type Tx } from "@/lib/db/client";
import { postMessage } from "@/lib/contacts/chatter";
import { isCountryCode } from "@/lib/contacts/countries";
import { getService } from "@/lib/iap/accounts";
import { charge } from "@/lib/iap/charge";
import { InsufficientCreditsError } from "@/lib/iap/errors";
import { balanceOf } from "@/lib/iap/ledger";
import { creditsToUnits, formatCredits } from "@/lib/iap/units";
import { env } from "@/lib/env";
import { registrationKey, searchKey } from "./normalize";
import { companyDataProvider } from "./providers";
import { DIRECTORY_COLUMNS_SQL, toDirectoryCompany } from "./providers/embedded";
import type { DirectoryCompanyData } from "./providers/provider";
import type { Suggestion, SuggestNote, SuggestResult } from "./schemas";
import { looksLikeVat, parseVat, registrationKeyFromVat } from "./vat";
import { checkVies } from "./vies";
import { SERVICES } from "@/lib/iap/catalogue";

export const MIN_QUERY_LENGTH = 3;
export const ENRICHED_LOG_TEXT = "Enriched with Partner Autocomplete (1 credit)";

const DOMAIN = /^(https?:\/\/)?([a-z0-9-]+\.)+[a-z]{2,}(\/\S*)?$/i;

/** "www.abbvie.com" → "abbvie"; "shop.example.co.uk" → "example". */
export function domainLabel(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (/\s/.test(text) || !DOMAIN.test(text)) return null;
  const host = text.replace(/^https?:\/\//, "").split("/")[0].replace(/^www\./, "");
  const labels = host.split(".");
  if (labels.length < 2) return null;
  const secondLevel = labels.length >= 3 && labels.at(-1)!.length === 2 && labels.at(-2)!.length <= 3;
  return labels.at(secondLevel ? -3 : -2) ?? null;
}

function suggestion(company: DirectoryCompanyData, matchedBy: Suggestion["matchedBy"], vat: string | null = null): Suggestion {
  return {
    id: company.id,
    name: company.name,
    country: company.country,
    postalCode: company.postalCode,
    city: company.city,
    registrationNumber: company.registrationNumber,
    industry: company.industry,
    vat: vat ?? company.vat,
    source: company.source,
    matchedBy,
  };
}

/**
 * Suggestions for what was typed in the contact form (free of charge): a VAT
 * number (format-checked, looked up by the registration number it contains,
 * checked with VIES when VIES_URL is set), a domain (the directory has no
 * websites: its name part is searched as a name, and the note says so), a
 * registration number, or a company name (prefix and fuzzy).
 */
export async function suggestCompanies(query: string, limit = 8): Promise<SuggestResult> {
  const text = query.trim();
  if (text.length < MIN_QUERY_LENGTH) return { suggestions: [], notes: [] };
  const provider = companyDataProvider();

  if (looksLikeVat(text)) return suggestByVat(text, limit);

  const label = domainLabel(text);
  if (label) {
    const found = label.length >= 2 ? await provider.suggest({ kind: "name", key: searchKey(label) }, limit) : [];
    return {
      suggestions: found.map((c) => suggestion(c, "domain")),
      notes: [{ code: "noWebsites", values: { label } }],
    };
  }

  const key = searchKey(text);
  const digits = text.replace(/\D/g, "");
  const results: Suggestion[] = [];
  if (digits.length >= 4 && digits.length >= key.replace(/\s/g, "").length - 3) {
    const byNumber = await provider.suggest({ kind: "registration", key: registrationKey(text), exact: false }, limit);
    results.push(...byNumber.map((c) => suggestion(c, "registration")));
  }
  if (key.length >= MIN_QUERY_LENGTH && results.length < limit) {
    const byName = await provider.suggest({ kind: "name", key }, limit);
    results.push(...byName.filter((c) => !results.some((r) => r.id === c.id)).map((c) => suggestion(c, "name")));
  }
  return { suggestions: results.slice(0, limit), notes: [] };
}

async function suggestByVat(text: string, limit: number): Promise<SuggestResult> {
  const vat = parseVat(text);
  if (!vat) return { suggestions: [], notes: [] };
  const prefix = { prefix: vat.prefix };
  if (!vat.valid) return { suggestions: [], notes: [vat.problem === "checkDigits" ? { code: "vatCheckDigits", values: prefix } : { code: "vatFormat", values: prefix }] };
  const notes: SuggestNote[] = vat.hint === "greekPrefix" ? [{ code: "vatGreekPrefix" }] : [];
  const inNumber = registrationKeyFromVat(vat);
  const found = inNumber ? await companyDataProvider().suggest({ kind: "registration", key: inNumber.key, country: inNumber.country, exact: true }, limit) : [];
  let suggestions = found.map((c) => suggestion(c, "vat", vat.vat));

  const { VIES_URL, VIES_TIMEOUT_MS } = env();
  if (!VIES_URL) {
    notes.push({ code: "viesNotConfigured" });
  } else {
    const answer = await checkVies(VIES_URL, vat.prefix, vat.number, VIES_TIMEOUT_MS);
    if (answer.status === "invalid") {
      notes.push({ code: "viesInvalid", values: { vat: vat.vat } });
      suggestions = suggestions.map((s) => ({ ...s, vat: null }));
    } else if (answer.status === "unavailable") {
      notes.push({ code: "viesUnavailable", values: { reason: answer.code } });
    } else {
      notes.push(answer.name ? { code: "viesValidNamed", values: { vat: vat.vat, name: answer.name } } : { code: "viesValid", values: { vat: vat.vat } });
      if (answer.name && !suggestions.some((s) => searchKey(s.name) === searchKey(answer.name!))) {
        suggestions.unshift(suggestion(await cacheViesCompany(vat.vat, vat.country, answer.name, answer.address), "vat", vat.vat));
      }
    }
  }
  if (!suggestions.length && !inNumber) notes.push({ code: "noRegistrationLookup", values: prefix });
  return { suggestions: suggestions.slice(0, limit), notes };
}

/** A company VIES knows and the directory doesn't: kept in the directory (source "vies") so it can be picked like any other. */
async function cacheViesCompany(vat: string, country: string, name: string, address: string | null): Promise<DirectoryCompanyData> {
  const { rows } = await pool().query(
    `INSERT INTO company_directory (source, source_ref, name, search_name, country, street, vat)
     VALUES ('vies', $1, $2, $3, $4, $5, $1)
     ON CONFLICT (source, source_ref) DO UPDATE SET name = EXCLUDED.name, search_name = EXCLUDED.search_name, street = EXCLUDED.street
     RETURNING ${DIRECTORY_COLUMNS_SQL}`,
    [vat, name, searchKey(name), country, address?.replace(/\n/g, ", ") ?? null],
  );
  return toDirectoryCompany(rows[0]);
}

/** The contact fields a pick can fill. name, country, zip and city are also fields of the contact form. */
export interface EnrichmentFields {
  name: string | null;
  country: string | null;
  zip: string | null;
  city: string | null;
  street: string | null;
  registrationNumber: string | null;
  industry: string | null;
  vat: string | null;
}

export const FORM_FIELDS = ["name", "country", "zip", "city", "street"] as const;
type FormField = (typeof FORM_FIELDS)[number];

export interface EnrichInput {
  companyId: number;
  userId: number | null;
  directoryCompanyId: number;
  /** A saved contact: its empty fields are filled now. */
  contactId?: number | null;
  /** An unsaved form (client-generated id): the data waits for the contact's creation. */
  formKey?: string | null;
  /** What the form holds now: a field with text in it is never overwritten. */
  current: Partial<Record<FormField, string | null>>;
  /** The VAT number typed in the search, when the suggestion came from it. */
  vat?: string | null;
}

export type EnrichResult =
  | { status: "enriched"; company: string; fill: Partial<EnrichmentFields>; offered: EnrichmentFields; creditsLeft: string; replayed: boolean }
  | { status: "insufficient"; error: InsufficientCreditsError }
  | { status: "not-found" };

function offeredFields(company: DirectoryCompanyData, vat: string | null): EnrichmentFields {
  return {
    name: company.name,
    country: isCountryCode(company.country) ? company.country : null,
    zip: company.postalCode,
    city: company.city,
    street: company.street,
    registrationNumber: company.registrationNumber,
    industry: company.industry,
    vat: company.vat ?? vat,
  };
}

/** A VAT number typed by the user is kept only if it is well-formed and leads to this very company. */
function acceptedVat(typed: string | null | undefined, company: DirectoryCompanyData): string | null {
  if (!typed) return null;
  const vat = parseVat(typed);
  if (!vat?.valid) return null;
  if (company.source === "vies") return company.vat === vat.vat ? vat.vat : null;
  const inNumber = registrationKeyFromVat(vat);
  const key = company.registrationNumber ? registrationKey(company.registrationNumber) : null;
  return inNumber && key === inNumber.key && inNumber.country === company.country ? vat.vat : null;
}

export function chargeKey(input: Pick<EnrichInput, "contactId" | "formKey" | "directoryCompanyId">): string {
  const owner = input.contactId ? `contact:${input.contactId}` : `form:${input.formKey}`;
  return `autocomplete:${owner}:${input.directoryCompanyId}`;
}

/**
 * Partner Autocomplete's pick: 1 credit, charged once per contact (or unsaved
 * form) and directory company — a double click replays the first charge. The
 * pick is recorded with the data it offered; on a saved contact the empty
 * fields are filled and the chatter logs it in the same transaction as the
 * record, inside the charge (a failure releases the credit). Without credits
 * nothing is written.
 */
export async function enrichContact(input: EnrichInput): Promise<EnrichResult> {
  if (!input.contactId && !input.formKey) throw new Error("enrichContact needs a contactId or a formKey");
  const company = await companyDataProvider().get(input.directoryCompanyId);
  if (!company) return { status: "not-found" };
  if (input.contactId && !(await prisma().contact.findFirst({ where: { id: input.contactId, companyId: input.companyId }, select: { id: true } }))) {
    return { status: "not-found" };
  }
  const offered = offeredFields(company, acceptedVat(input.vat, company));
  const service = await getService(SERVICES.partnerAutocomplete);
  const key = chargeKey(input);
  try {
    const charged = await charge(
      {
        companyId: input.companyId,
        service: SERVICES.partnerAutocomplete,
        amount: creditsToUnits(1, service.decimals),
        idempotencyKey: key,
        description: `Partner Autocomplete: ${company.name}`,
        wording: { code: "partnerAutocomplete", params: { company: company.name } },
        reference: `company_directory:${company.id}`,
        createdById: input.userId,
      },
      async () => {
        const contactId = input.contactId ?? null;
        await prisma().$transaction(async (tx) => {
          if (contactId && !(await tx.contact.findFirst({ where: { id: contactId, companyId: input.companyId }, select: { id: true } }))) {
            throw CONTACT_GONE;
          }
          await tx.partnerEnrichment.create({
            data: {
              companyId: input.companyId,
              chargeKey: key,
              formKey: input.formKey ?? null,
              contactId,
              directoryCompanyId: company.id,
              data: offered as object,
              createdById: input.userId,
              appliedAt: contactId ? new Date() : null,
            },
          });
          if (contactId) await fillContact(tx, input.companyId, contactId, withoutTyped(offered, input.current), company.name, input.userId);
        });
        return { offered };
      },
    );
    const account = charged.hold.account;
    const offeredThen = (charged.result as { offered: EnrichmentFields }).offered;
    return {
      status: "enriched",
      company: company.name,
      offered: offeredThen,
      fill: withoutTyped(offeredThen, input.current, true),
      creditsLeft: formatCredits(await balanceOf(account.id), account.service.decimals),
      replayed: charged.replayed,
    };
  } catch (error) {
    if (error instanceof InsufficientCreditsError) return { status: "insufficient", error };
    // Deleted while the credit was being held: nothing charged, the form says "not found".
    if (error === CONTACT_GONE) return { status: "not-found" };
    throw error;
  }
}

const CONTACT_GONE = new Error("The contact was deleted during enrichment");

/** The offered fields minus those the form already holds text in (onlyForm: just the form's own fields). */
function withoutTyped(offered: EnrichmentFields, current: EnrichInput["current"], onlyForm = false): Partial<EnrichmentFields> {
  const fill: Partial<EnrichmentFields> = {};
  for (const [field, value] of Object.entries(offered) as [keyof EnrichmentFields, string | null][]) {
    const inForm = (FORM_FIELDS as readonly string[]).includes(field);
    if (onlyForm && !inForm) continue;
    if (value === null || value === "") continue;
    if (inForm && (current[field as FormField] ?? "").trim() !== "") continue;
    fill[field] = value;
  }
  return fill;
}

/**
 * Fills the contact's empty columns only (COALESCE(NULLIF(col, ''), new)).
 * updated_at is left alone on purpose: it keys the open contact form, and a
 * new key would reset fields the user typed but has not saved yet.
 */
async function fillContact(tx: Tx, companyId: number, contactId: number, fill: Partial<EnrichmentFields>, companyName: string, userId: number | null) {
  await tx.$executeRaw`
    UPDATE contact SET
      name = COALESCE(NULLIF(name, ''), ${fill.name ?? null}),
      country = COALESCE(NULLIF(country, ''), ${fill.country ?? null}),
      zip = COALESCE(NULLIF(zip, ''), ${fill.zip ?? null}),
      city = COALESCE(NULLIF(city, ''), ${fill.city ?? null}),
      street = COALESCE(NULLIF(street, ''), ${fill.street ?? null}),
      registration_number = COALESCE(NULLIF(registration_number, ''), ${fill.registrationNumber ?? null}),
      industry = COALESCE(NULLIF(industry, ''), ${fill.industry ?? null}),
      vat = COALESCE(NULLIF(vat, ''), ${fill.vat ?? null}),
      is_company = true
    WHERE id = ${contactId} AND company_id = ${companyId}`;
  const details = [fill.registrationNumber && `registration number ${fill.registrationNumber}`, fill.industry, fill.vat && `VAT ${fill.vat}`].filter(Boolean);
  await postMessage(
    { companyId, contactId, kind: "SYSTEM", body: `${ENRICHED_LOG_TEXT}: ${companyName}${details.length ? ` (${details.join(", ")})` : ""}`, authorId: userId },
    tx,
  );
}

/**
 * A contact created from a form where Partner Autocomplete was used: the
 * picks (already paid) fill its still-empty fields and are logged in its chatter.
 */
export async function applyFormEnrichments(companyId: number, contactId: number, formKey: string | null | undefined, userId: number | null): Promise<number> {
  if (!formKey) return 0;
  return prisma().$transaction(async (tx) => {
    const picks = await tx.partnerEnrichment.findMany({
      where: { companyId, formKey, contactId: null },
      orderBy: { id: "asc" },
    });
    for (const pick of picks) {
      const claimed = await tx.partnerEnrichment.updateMany({ where: { id: pick.id, contactId: null }, data: { contactId, appliedAt: new Date() } });
      if (claimed.count !== 1) continue;
      const offered = pick.data as unknown as EnrichmentFields;
      await fillContact(tx, companyId, contactId, offered, offered.name ?? "", userId);
    }
    return picks.length;
  });
}
