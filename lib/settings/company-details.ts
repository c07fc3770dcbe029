import "server-only";
import { pool } from "@/lib/db/client";
import { parseVat, type ParsedVat } from "@/lib/enrichment/vat";
import { checkVies } from "@/lib/enrichment/vies";
import { env } from "@/lib/env";
import { localeOr, type Locale } from "@/lib/i18n/locales";
import type { CompanyDetailsInput } from "./schemas";

// Settings → Company details: what the company's invoices print as the
// buyer. The VAT number is checked by format (lib/enrichment/vat) and, when
// VIES_URL is configured, by the EU's VIES service; a number VIES says does
// not exist is refused, one it could not check is kept as format-checked.

export interface CompanyDetails {
  name: string;
  country: string;
  street: string;
  zip: string;
  city: string;
  vatNumber: string | null;
  vatVerifiedAt: Date | null;
  locale: Locale;
  timeZone: string;
}

export async function getCompanyDetails(companyId: number): Promise<CompanyDetails> {
  const { rows } = await pool().query("SELECT name, country, street, zip, city, vat_number, vat_verified_at, locale, time_zone FROM company WHERE id = $1", [companyId]);
  const row = rows[0];
  if (!row) throw new Error(`Company ${companyId} not found`);
  return {
    name: row.name,
    country: row.country.trim(),
    street: row.street ?? "",
    zip: row.zip ?? "",
    city: row.city ?? "",
    vatNumber: row.vat_number,
    vatVerifiedAt: row.vat_verified_at,
    locale: localeOr(row.locale),
    timeZone: row.time_zone,
  };
}

/** Codes the page turns into words. */
export type VatProblem = "vat_format" | "vat_check_digits" | "vat_unknown_country" | "vat_not_registered";

export type SaveCompanyResult =
  | { ok: true; vat: "none" | "verified" | "format_only" | "vies_unavailable"; viesCode?: string }
  | { ok: false; problem: VatProblem; hint?: ParsedVat["hint"] };

export async function updateCompanyDetails(companyId: number, input: CompanyDetailsInput): Promise<SaveCompanyResult> {
  let vatNumber: string | null = null;
  let verified = false;
  let outcome: SaveCompanyResult = { ok: true, vat: "none" };
  if (input.vatNumber !== "") {
    const parsed = parseVat(input.vatNumber);
    if (!parsed) return { ok: false, problem: "vat_unknown_country" };
    if (!parsed.valid) return { ok: false, problem: parsed.problem === "checkDigits" ? "vat_check_digits" : "vat_format", hint: parsed.hint };
    vatNumber = parsed.vat;
    const config = env();
    if (config.VIES_URL) {
      const vies = await checkVies(config.VIES_URL, parsed.prefix, parsed.number, config.VIES_TIMEOUT_MS);
      if (vies.status === "invalid") return { ok: false, problem: "vat_not_registered" };
      verified = vies.status === "valid";
      outcome = vies.status === "valid" ? { ok: true, vat: "verified" } : { ok: true, vat: "vies_unavailable", viesCode: vies.code };
    } else {
      outcome = { ok: true, vat: "format_only" };
    }
  }
  await pool().query(
    `UPDATE company SET name = $2, street = NULLIF($3, ''), zip = NULLIF($4, ''), city = NULLIF($5, ''), vat_number = $6,
            vat_verified_at = CASE WHEN $7 THEN now() ELSE NULL END,
            locale = COALESCE($8, locale), time_zone = COALESCE($9, time_zone)
      WHERE id = $1`,
    [companyId, input.name, input.street, input.zip, input.city, vatNumber, verified, input.locale ?? null, input.timeZone ?? null],
  );
  return outcome;
}
