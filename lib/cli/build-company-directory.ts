// npm run data:companies [-- <source dir>] — rebuilds prisma/data/companies.csv,
// the embedded company directory, from the open-data tables (default
// ../shared/data): the GLEIF LEI sample (CC0) and the S&P 500 list (PDDL).
// The output is committed; the seed loads it. Cleaning rules, all honest:
//  - spreadsheet-mangled registration numbers ("2.02E+11") cannot be repaired:
//    the company stays, without a registration number;
//  - leading zeros a spreadsheet dropped are put back only where the national
//    format is fixed-length digits (postal codes FR/DE/IT/ES/US/FI, registration
//    numbers BE 10, CZ 8, DK 8, GB 8, IT 11, NL 8, FR SIREN 9);
//  - industry only where a source states it: GICS sector for the S&P 500, or a
//    legal form reserved by law to one activity (FR EARL/SCEA/GAEC: farming;
//    FR SCI: real estate; SICAV/UCITS/ETF funds: financials). No VAT numbers or
//    websites are made up: the sources have none.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { csvLine, parseCsvRecords } from "../enrichment/csv";

const root = path.resolve(import.meta.dirname, "..", "..");
const sourceDir = path.resolve(process.argv[2] ?? path.join(root, "..", "..", "shared", "data"));
const output = path.join(root, "prisma", "data", "companies.csv");

export const DIRECTORY_COLUMNS = [
  "source",
  "source_ref",
  "name",
  "alt_name",
  "country",
  "region",
  "postal_code",
  "city",
  "registration_number",
  "lei",
  "industry",
  "industry_detail",
  "industry_source",
] as const;
type Row = Record<(typeof DIRECTORY_COLUMNS)[number], string>;

const POSTAL_LENGTH: Record<string, number> = { FR: 5, DE: 5, IT: 5, ES: 5, US: 5, FI: 5 };
const REGISTRATION_LENGTH: Record<string, number> = { BE: 10, CZ: 8, DK: 8, GB: 8, IT: 11, NL: 8, FR: 9 };

function repairPostal(country: string, value: string): string {
  const code = value.trim();
  const length = POSTAL_LENGTH[country];
  if (length && /^\d+$/.test(code) && code.length < length && code.length >= length - 1) return code.padStart(length, "0");
  return code;
}

function repairRegistration(country: string, value: string): string {
  const raw = value.trim();
  if (!raw || /^\d+(\.\d+)?E\+\d+$/i.test(raw)) return "";
  const digits = raw.replace(/[\s.]/g, "");
  const length = REGISTRATION_LENGTH[country];
  if (length && /^\d+$/.test(digits) && digits.length < length && digits.length >= length - 3) return digits.padStart(length, "0");
  return raw;
}

const LEGAL_FORM_INDUSTRY: { country?: string; pattern: RegExp; industry: string; detail: string }[] = [
  { country: "FR", pattern: /^(EARL|SCEA|GAEC)\b|\b(EARL|SCEA|GAEC)$/i, industry: "Consumer Staples", detail: "Agricultural Products & Services" },
  { country: "IT", pattern: /societ[àa]'? agricola/i, industry: "Consumer Staples", detail: "Agricultural Products & Services" },
  { country: "FR", pattern: /^(SCI|SCPI)\b/i, industry: "Real Estate", detail: "Real Estate Management & Development" },
  { pattern: /\b(SICAV|UCITS|ETF|SICAR|FCPR|FCPI|FPCI)\b/i, industry: "Financials", detail: "Investment fund" },
];

function legalFormIndustry(country: string, name: string) {
  return LEGAL_FORM_INDUSTRY.find((rule) => (!rule.country || rule.country === country) && rule.pattern.test(name));
}

function gleifRows(): Row[] {
  const records = parseCsvRecords(readFileSync(path.join(sourceDir, "gleif-lei-sample.csv"), "utf8"));
  return records
    .filter((r) => r["Entity.EntityStatus"] === "ACTIVE" && r["Entity.LegalName"].trim() && r["Entity.LegalAddress.Country"])
    .map((r) => {
      const country = r["Entity.LegalAddress.Country"].trim().toUpperCase();
      const name = r["Entity.LegalName"].replace(/\s+/g, " ").trim();
      const byForm = legalFormIndustry(country, name);
      return {
        source: "gleif",
        source_ref: r.LEI,
        name,
        alt_name: r["Entity.OtherEntityNames.OtherEntityName.1"].replace(/\s+/g, " ").trim(),
        country,
        region: r["Entity.LegalAddress.Region"].trim(),
        postal_code: repairPostal(country, r["Entity.LegalAddress.PostalCode"]),
        city: "",
        registration_number: repairRegistration(country, r["Entity.RegistrationAuthority.RegistrationAuthorityEntityID"]),
        lei: r.LEI,
        industry: byForm?.industry ?? "",
        industry_detail: byForm?.detail ?? "",
        industry_source: byForm ? "legal form" : "",
      };
    });
}

const US_STATES: Record<string, string> = {
  Alabama: "AL", Alaska: "AK", Arizona: "AZ", Arkansas: "AR", California: "CA", Colorado: "CO", Connecticut: "CT", Delaware: "DE",
  "D.C.": "DC", Florida: "FL", Georgia: "GA", Hawaii: "HI", Idaho: "ID", Illinois: "IL", Indiana: "IN", Iowa: "IA", Kansas: "KS",
  Kentucky: "KY", Louisiana: "LA", Maine: "ME", Maryland: "MD", Massachusetts: "MA", Michigan: "MI", Minnesota: "MN",
  Mississippi: "MS", Missouri: "MO", Montana: "MT", Nebraska: "NE", Nevada: "NV", "New Hampshire": "NH", "New Jersey": "NJ",
  "New Mexico": "NM", "New York": "NY", "North Carolina": "NC", "North Dakota": "ND", Ohio: "OH", Oklahoma: "OK", Oregon: "OR",
  Pennsylvania: "PA", "Rhode Island": "RI", "South Carolina": "SC", "South Dakota": "SD", Tennessee: "TN", Texas: "TX", Utah: "UT",
  Vermont: "VT", Virginia: "VA", Washington: "WA", "West Virginia": "WV", Wisconsin: "WI", Wyoming: "WY",
};

function countryByName(): Map<string, string> {
  const records = parseCsvRecords(readFileSync(path.join(sourceDir, "country-codes.csv"), "utf8"));
  const names = new Map<string, string>();
  for (const r of records) {
    for (const key of ["CLDR display name", "official_name_en", "UNTERM English Short"]) if (r[key]) names.set(r[key], r["ISO3166-1-Alpha-2"]);
  }
  names.set("United Kingdom", "GB");
  return names;
}

function sp500Rows(): Row[] {
  const countries = countryByName();
  const records = parseCsvRecords(readFileSync(path.join(sourceDir, "sp500-constituents.csv"), "utf8"));
  return records.map((r) => {
    // "Saint Paul, Minnesota", "Dublin, Ireland"; footnote marks like "Virginia[2]" dropped.
    const parts = r["Headquarters Location"].replace(/\[\d+\]/g, "").split(",").map((p) => p.trim());
    const place = parts.length > 1 ? parts.at(-1)! : "";
    const state = US_STATES[place];
    const country = state ? "US" : (countries.get(place) ?? "US");
    const known = state || countries.has(place);
    return {
      source: "sp500",
      source_ref: r.Symbol,
      name: r.Security.trim(),
      alt_name: "",
      country,
      region: state ? `US-${state}` : "",
      postal_code: "",
      city: known ? parts.slice(0, -1).join(", ") : "",
      registration_number: "",
      lei: "",
      industry: r["GICS Sector"].trim(),
      industry_detail: r["GICS Sub-Industry"].trim(),
      industry_source: "GICS (S&P 500 list)",
    };
  });
}

function main() {
  const rows = [...gleifRows(), ...sp500Rows()];
  const seen = new Set<string>();
  const unique = rows.filter((row) => {
    const key = `${row.source}:${row.source_ref}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const text = [csvLine([...DIRECTORY_COLUMNS]), ...unique.map((row) => csvLine(DIRECTORY_COLUMNS.map((c) => row[c])))].join("\n") + "\n";
  writeFileSync(output, text);
  const countries = new Set(unique.map((r) => r.country));
  const withIndustry = unique.filter((r) => r.industry).length;
  const withRegistration = unique.filter((r) => r.registration_number).length;
  console.log(`${unique.length} companies in ${countries.size} countries; ${withRegistration} with a registration number, ${withIndustry} with an industry → ${path.relative(root, output)}`);
}

main();
