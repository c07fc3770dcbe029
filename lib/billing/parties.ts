import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db/client";
import { parseVat } from "@/lib/enrichment/vat";
import { env } from "@/lib/env";
import { isReverseCharge, type VatTerms } from "./vat";

// Who sells and who buys, as printed on an invoice. The seller is the
// operator of this server, from configuration (INVOICE_SELLER_*): one seller
// per deployment, set where the deployment is configured. The buyer is the
// company, from Settings → Company details.

export interface Party {
  name: string;
  address: string[];
  /** ISO 3166-1 alpha-2. */
  country: string;
  vat: string | null;
}

export function sellerParty(): Party {
  const config = env();
  return {
    name: config.INVOICE_SELLER_NAME,
    address: config.INVOICE_SELLER_ADDRESS.split(/\s*(?:\||\n)\s*/).filter(Boolean),
    country: config.INVOICE_SELLER_COUNTRY,
    vat: config.INVOICE_SELLER_VAT ?? null,
  };
}

export async function buyerParty(companyId: number, db: pg.ClientBase | pg.Pool = pool()): Promise<Party> {
  const { rows } = await db.query("SELECT name, street, zip, city, country, vat_number FROM company WHERE id = $1", [companyId]);
  const row = rows[0];
  if (!row) throw new Error(`Company ${companyId} not found`);
  const cityLine = [row.zip, row.city].filter(Boolean).join(" ");
  return { name: row.name, address: [row.street, cityLine].filter(Boolean), country: row.country.trim(), vat: row.vat_number ?? null };
}

/** The VAT this buyer pays: the configured rate, or none under the EU reverse charge. */
export function vatTermsFor(buyer: Pick<Party, "vat">): VatTerms {
  const config = env();
  const parsed = buyer.vat ? parseVat(buyer.vat) : null;
  return {
    rate: config.VAT_RATE,
    pricesIncludeVat: config.PRICES_INCLUDE_VAT,
    reverseCharge: parsed?.valid === true && isReverseCharge(config.INVOICE_SELLER_COUNTRY, parsed.country),
  };
}
