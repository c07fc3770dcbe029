import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pool } from "@/lib/db/client";
import { parseCsvRecords } from "./csv";
import { registrationKey, searchKey } from "./normalize";

export const DIRECTORY_FILE = path.resolve(import.meta.dirname, "..", "..", "prisma", "data", "companies.csv");

const BATCH = 1000;

/**
 * Loads prisma/data/companies.csv into company_directory. Idempotent and quick
 * on a re-run: skipped when every row is already there; otherwise upserted by
 * (source, source_ref) in multi-row statements (unnest of column arrays), so
 * directory ids — which leads and enrichments point at — never change.
 */
export async function seedCompanyDirectory(file = DIRECTORY_FILE): Promise<{ companies: number; loaded: boolean }> {
  const records = parseCsvRecords(readFileSync(file, "utf8"));
  const sources = [...new Set(records.map((r) => r.source))];
  const { rows } = await pool().query("SELECT count(*)::int AS n FROM company_directory WHERE source = ANY($1)", [sources]);
  if (rows[0].n === records.length) return { companies: records.length, loaded: false };

  const blank = (value: string) => (value.trim() === "" ? null : value);
  for (let start = 0; start < records.length; start += BATCH) {
    const batch = records.slice(start, start + BATCH);
    const column = (pick: (r: Record<string, string>) => string | null) => batch.map(pick);
    await pool().query(
      `INSERT INTO company_directory (source, source_ref, name, alt_name, search_name, country, region, postal_code, city,
                                      registration_number, registration_key, lei, industry, industry_detail, industry_source)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                            $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])
       ON CONFLICT (source, source_ref) DO UPDATE SET
         name = EXCLUDED.name, alt_name = EXCLUDED.alt_name, search_name = EXCLUDED.search_name, country = EXCLUDED.country,
         region = EXCLUDED.region, postal_code = EXCLUDED.postal_code, city = EXCLUDED.city,
         registration_number = EXCLUDED.registration_number, registration_key = EXCLUDED.registration_key, lei = EXCLUDED.lei,
         industry = EXCLUDED.industry, industry_detail = EXCLUDED.industry_detail, industry_source = EXCLUDED.industry_source`,
      [
        column((r) => r.source),
        column((r) => r.source_ref),
        column((r) => r.name),
        column((r) => blank(r.alt_name)),
        column((r) => [searchKey(r.name), r.alt_name ? searchKey(r.alt_name) : ""].join(" ").trim()),
        column((r) => r.country),
        column((r) => blank(r.region)),
        column((r) => blank(r.postal_code)),
        column((r) => blank(r.city)),
        column((r) => blank(r.registration_number)),
        column((r) => (r.registration_number ? registrationKey(r.registration_number) : null)),
        column((r) => blank(r.lei)),
        column((r) => blank(r.industry)),
        column((r) => blank(r.industry_detail)),
        column((r) => blank(r.industry_source)),
      ],
    );
  }
  return { companies: records.length, loaded: true };
}
