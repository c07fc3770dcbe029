import "server-only";
import { pool, type Tx } from "@/lib/db/client";
import type { CompanyDataProvider, DirectoryCompanyData, LeadCriteria, SuggestQuery } from "./provider";

export const DIRECTORY_COLUMNS_SQL = `id, source, name, country, region, postal_code, city, street, registration_number, industry, industry_detail, vat, website`;

export function toDirectoryCompany(row: Record<string, unknown>): DirectoryCompanyData {
  return {
    id: row.id as number,
    source: row.source as string,
    name: row.name as string,
    country: (row.country as string).trim(),
    region: (row.region as string | null) ?? null,
    postalCode: (row.postal_code as string | null) ?? null,
    city: (row.city as string | null) ?? null,
    street: (row.street as string | null) ?? null,
    registrationNumber: (row.registration_number as string | null) ?? null,
    industry: (row.industry as string | null) ?? null,
    industryDetail: (row.industry_detail as string | null) ?? null,
    vat: (row.vat as string | null) ?? null,
    website: (row.website as string | null) ?? null,
  };
}

// Name search in up to three steps, cheapest first, each stopping the search
// once enough names are found: names starting with the query (btree
// text_pattern_ops range scan), then names containing it, a word starting with
// it first (GIN trigram index), and only when nothing matched literally,
// trigram-similar names (typos). One OR'ed query made the planner scan the
// whole table computing similarity for every row. `key` comes from
// searchKey(), so it holds no LIKE wildcards. Between equally good names, a
// company the directory knows in full comes before one only VIES named (a
// name and an address), then by name and id, so the order never depends on the plan.
const PREFIX_SQL = `
  SELECT ${DIRECTORY_COLUMNS_SQL}
    FROM company_directory
   WHERE search_name LIKE $1
   ORDER BY length(search_name), source = 'vies', name, id
   LIMIT $2`;

const CONTAINS_SQL = `
  SELECT ${DIRECTORY_COLUMNS_SQL}
    FROM company_directory
   WHERE search_name LIKE $1 AND NOT (id = ANY($3::int[]))
   ORDER BY search_name LIKE $4 DESC, length(search_name), source = 'vies', name, id
   LIMIT $2`;

const SIMILAR_SQL = `
  SELECT ${DIRECTORY_COLUMNS_SQL}
    FROM company_directory
   WHERE search_name % $1
   ORDER BY similarity(search_name, $1) DESC, source = 'vies', name, id
   LIMIT $2`;

// Exact (a VAT number's registration number) or prefix (typed digits): two
// statements, so each can use its index (btree =, text_pattern_ops LIKE 'x%').
const registrationSql = (condition: string) => `
  SELECT ${DIRECTORY_COLUMNS_SQL}
    FROM company_directory
   WHERE ${condition} AND ($3::text IS NULL OR country = $3)
   ORDER BY length(registration_key), name
   LIMIT $2`;
const REGISTRATION_EXACT_SQL = registrationSql("registration_key = $1");
const REGISTRATION_PREFIX_SQL = registrationSql("registration_key LIKE $1");

export const embeddedProvider: CompanyDataProvider = {
  name: "embedded",

  async suggest(query: SuggestQuery, limit: number) {
    if (query.kind === "registration") {
      const { rows } = query.exact
        ? await pool().query(REGISTRATION_EXACT_SQL, [query.key, limit, query.country ?? null])
        : await pool().query(REGISTRATION_PREFIX_SQL, [`${query.key}%`, limit, query.country ?? null]);
      return rows.map(toDirectoryCompany);
    }
    const found = (await pool().query(PREFIX_SQL, [`${query.key}%`, limit])).rows;
    if (found.length < limit) {
      const ids = found.map((r) => r.id);
      found.push(...(await pool().query(CONTAINS_SQL, [`%${query.key}%`, limit - found.length, ids, `% ${query.key}%`])).rows);
    }
    if (found.length === 0) found.push(...(await pool().query(SIMILAR_SQL, [query.key, limit])).rows);
    return found.map(toDirectoryCompany);
  },

  async get(id: number) {
    const { rows } = await pool().query(`SELECT ${DIRECTORY_COLUMNS_SQL} FROM company_directory WHERE id = $1`, [id]);
    return rows[0] ? toDirectoryCompany(rows[0]) : null;
  },

  async findLeadCandidates(tx: Tx, companyId: number, criteria: LeadCriteria, limit: number) {
    // Not already a lead, and not already a contact (same name, or same
    // registration number) of this company.
    const rows = await tx.$queryRawUnsafe<{ id: number }[]>(
      `SELECT d.id FROM company_directory d
        WHERE d.country = ANY($2::text[]) AND d.industry = ANY($3::text[])
          AND NOT EXISTS (SELECT 1 FROM lead l WHERE l.company_id = $1 AND l.directory_company_id = d.id)
          AND NOT EXISTS (
                SELECT 1 FROM contact c
                 WHERE c.company_id = $1
                   AND (lower(c.name) = lower(d.name) OR (c.registration_number IS NOT NULL AND c.registration_number = d.registration_number)))
        ORDER BY d.id
        LIMIT $4`,
      companyId,
      criteria.countries,
      criteria.industries,
      limit,
    );
    return rows.map((row) => row.id);
  },

  async facets() {
    const [countries, industries] = await Promise.all([
      pool().query("SELECT DISTINCT country FROM company_directory WHERE industry IS NOT NULL ORDER BY country"),
      pool().query("SELECT DISTINCT industry FROM company_directory WHERE industry IS NOT NULL ORDER BY industry"),
    ]);
    return { countries: countries.rows.map((r) => r.country.trim()), industries: industries.rows.map((r) => r.industry) };
  },
};
