// A company data provider answers Partner Autocomplete's suggestions and Lead
// Generation's searches. The embedded one reads the company_directory table
// (open data shipped with the product); a commercial API would implement the
// same interface, cache what it returns in company_directory (source = its
// name, so picks and leads keep pointing at a directory row) and be selected
// with ENRICHMENT_PROVIDER — pages and actions never name a provider.
import type { Tx } from "@/lib/db/client";

export interface DirectoryCompanyData {
  /** company_directory.id */
  id: number;
  source: string;
  name: string;
  country: string;
  region: string | null;
  postalCode: string | null;
  city: string | null;
  street: string | null;
  registrationNumber: string | null;
  industry: string | null;
  industryDetail: string | null;
  vat: string | null;
  website: string | null;
}

export type SuggestQuery =
  | { kind: "name"; key: string }
  | { kind: "registration"; key: string; country?: string; exact: boolean };

export interface LeadCriteria {
  countries: string[];
  industries: string[];
}

export interface CompanyDataProvider {
  readonly name: string;
  suggest(query: SuggestQuery, limit: number): Promise<DirectoryCompanyData[]>;
  get(id: number): Promise<DirectoryCompanyData | null>;
  /**
   * Up to `limit` directory ids matching the criteria that are neither leads
   * nor contacts of `companyId` yet. Runs inside the caller's transaction
   * (which holds the company's lead-generation lock).
   */
  findLeadCandidates(tx: Tx, companyId: number, criteria: LeadCriteria, limit: number): Promise<number[]>;
  /** Countries and industries the provider can search, for the Generate Leads form. */
  facets(): Promise<{ countries: string[]; industries: string[] }>;
}
