import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db/client";
import { localeOr, type Locale } from "@/lib/i18n/locales";
import { formatPackCredits } from "./pack-pricing";
import { buyerParty, sellerParty, type Party } from "./parties";

// Every paid purchase has an invoice. Stripe Checkout creates its own
// (invoice_creation) and we keep its number and links; for payments Stripe
// does not invoice — the demo checkout and off-session auto top-ups — the app
// issues one, numbered IAP-<company>-<n> in a gap-free series per buying
// company.
//
// Gap-free: the number is taken from the company's invoice_counter row in the
// same transaction that marks the purchase paid, so a rollback gives the
// number back with everything else, and the row lock makes concurrent
// fulfilments of one company take turns. Per company (not one global
// sequence): each company's invoices are their own series (the VAT Directive,
// art. 226(2), allows several series), so the counter lives with the
// company's other rows — a distributed PostgreSQL sharded by company_id keeps
// the whole fulfilment on one node — and companies never wait on each other.

export interface InvoiceView {
  purchaseId: number;
  issuer: "STRIPE" | "APP";
  number: string | null;
  demo: boolean;
  seller: Party;
  buyer: Party;
  description: string;
  currency: string;
  netAmount: number;
  vatAmount: number;
  grossAmount: number;
  vatRate: number | null;
  vatReverseCharge: boolean;
  hostedUrl: string | null;
  pdfUrl: string | null;
  issuedAt: Date;
  /** The buying company's language and time zone: its invoices are printed in them, whoever downloads one. */
  locale: Locale;
  timeZone: string;
  /** What was bought, for the item line in the invoice's language (`description` keeps the English text stored at issue). */
  item: { service: string; serviceName: string; pack: string; packCode: string; credits: bigint; decimals: number };
}

export function appInvoiceNumber(companyId: number, sequence: number): string {
  return `IAP-${companyId}-${String(sequence).padStart(6, "0")}`;
}

/**
 * The purchase as both issuers put it on its invoice: who bought it, its VAT
 * treatment, amounts, and the line describing the pack. Null when there is no
 * such purchase.
 */
async function purchaseToInvoice(db: pg.Pool | pg.ClientBase, purchaseId: number) {
  const { rows } = await db.query(
    `SELECT p.id, a.company_id, p.provider, p.amount, p.net_amount, p.vat_amount, p.vat_rate, p.vat_reverse_charge, p.currency, p.credits,
            k.name AS pack_name, s.name AS service_name, s.decimals, EXISTS (SELECT 1 FROM invoice i WHERE i.purchase_id = p.id) AS invoiced
       FROM purchase p JOIN iap_account a ON a.id = p.account_id JOIN iap_service s ON s.id = a.service_id JOIN credit_pack k ON k.id = p.pack_id
      WHERE p.id = $1`,
    [purchaseId],
  );
  const row = rows[0];
  if (!row) return null;
  return { ...row, description: `${row.service_name} — ${row.pack_name} (${formatPackCredits(BigInt(row.credits), row.decimals)} credits)` };
}

/**
 * The columns both issuers fill alike, first in either INSERT ($1 to $11): the
 * purchase, the two parties, the line, and the amounts, the gross always net +
 * VAT whoever computed the parts (Stripe or our VAT rules).
 */
const SHARED_COLUMNS = "company_id, purchase_id, seller, buyer, description, currency, net_amount, vat_amount, gross_amount, vat_rate, vat_reverse_charge";

function sharedValues(
  row: NonNullable<Awaited<ReturnType<typeof purchaseToInvoice>>>,
  buyer: Party,
  amounts: { currency: string; net: number; vat: number },
): unknown[] {
  const { currency, net, vat } = amounts;
  return [row.company_id, row.id, JSON.stringify(sellerParty()), JSON.stringify(buyer), row.description, currency, net, vat, net + vat, row.vat_rate, row.vat_reverse_charge];
}

/**
 * Issues the app's invoice of a purchase, inside the caller's transaction
 * (fulfilPurchase, after the purchase row was moved to PAID and so is locked).
 * Does nothing when the purchase already has an invoice.
 */
export async function issueAppInvoice(client: pg.ClientBase, purchaseId: number, options: { demo: boolean }): Promise<void> {
  const row = await purchaseToInvoice(client, purchaseId);
  if (!row || row.invoiced) return;
  const buyer = await buyerParty(row.company_id, client);
  const counter = await client.query(
    `INSERT INTO invoice_counter (company_id, last) VALUES ($1, 1)
     ON CONFLICT (company_id) DO UPDATE SET last = invoice_counter.last + 1
     RETURNING last`,
    [row.company_id],
  );
  const sequence = counter.rows[0].last as number;
  const net = row.net_amount ?? row.amount;
  await client.query(
    `INSERT INTO invoice (${SHARED_COLUMNS}, issuer, number, sequence, demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'APP', $12, $13, $14)`,
    [...sharedValues(row, buyer, { currency: row.currency.trim(), net, vat: row.vat_amount ?? 0 }), appInvoiceNumber(row.company_id, sequence), sequence, options.demo],
  );
}

/** What we keep of a Stripe invoice. */
export interface StripeInvoiceFacts {
  id: string;
  number: string | null;
  hostedUrl: string | null;
  pdfUrl: string | null;
  currency: string;
  /** Total excluding tax, tax, total (minor units). */
  net: number;
  tax: number;
  total: number;
}

/**
 * Records (or updates, as Stripe finalises it) the Stripe invoice of a
 * purchase. Idempotent: keyed by the purchase and by Stripe's invoice id.
 */
export async function saveStripeInvoice(purchaseId: number, invoice: StripeInvoiceFacts): Promise<boolean> {
  const row = await purchaseToInvoice(pool(), purchaseId);
  if (!row || row.provider !== "STRIPE") return false;
  const buyer = await buyerParty(row.company_id);
  await pool().query(
    `INSERT INTO invoice (${SHARED_COLUMNS}, issuer, number, stripe_invoice_id, hosted_url, pdf_url)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'STRIPE', $12, $13, $14, $15)
     ON CONFLICT (purchase_id) DO UPDATE
        SET number = COALESCE(EXCLUDED.number, invoice.number), hosted_url = COALESCE(EXCLUDED.hosted_url, invoice.hosted_url),
            pdf_url = COALESCE(EXCLUDED.pdf_url, invoice.pdf_url), net_amount = EXCLUDED.net_amount, vat_amount = EXCLUDED.vat_amount,
            gross_amount = EXCLUDED.gross_amount
      WHERE invoice.issuer = 'STRIPE' AND invoice.stripe_invoice_id = EXCLUDED.stripe_invoice_id`,
    [...sharedValues(row, buyer, { currency: invoice.currency.toUpperCase(), net: invoice.net, vat: invoice.tax }), invoice.number, invoice.id, invoice.hostedUrl, invoice.pdfUrl],
  );
  return true;
}

function toInvoice(row: Record<string, unknown>): InvoiceView {
  return {
    purchaseId: row.purchase_id as number,
    issuer: row.issuer as "STRIPE" | "APP",
    number: (row.number as string | null) ?? null,
    demo: row.demo as boolean,
    seller: row.seller as Party,
    buyer: row.buyer as Party,
    description: row.description as string,
    currency: (row.currency as string).trim(),
    netAmount: row.net_amount as number,
    vatAmount: row.vat_amount as number,
    grossAmount: row.gross_amount as number,
    vatRate: (row.vat_rate as number | null) ?? null,
    vatReverseCharge: row.vat_reverse_charge as boolean,
    hostedUrl: (row.hosted_url as string | null) ?? null,
    pdfUrl: (row.pdf_url as string | null) ?? null,
    issuedAt: row.issued_at as Date,
    locale: localeOr(row.company_locale as string | null),
    timeZone: (row.company_time_zone as string | null) ?? "UTC",
    item: {
      service: row.technical_name as string,
      serviceName: row.service_name as string,
      pack: row.pack_name as string,
      packCode: row.pack_code as string,
      credits: BigInt(row.credits as string | number),
      decimals: row.decimals as number,
    },
  };
}

/** A purchase's invoice, for the company that bought it only. */
export async function findInvoice(companyId: number, purchaseId: number): Promise<InvoiceView | null> {
  const { rows } = await pool().query(
    `SELECT i.*, c.locale AS company_locale, c.time_zone AS company_time_zone,
            s.technical_name, s.name AS service_name, s.decimals, k.name AS pack_name, k.code AS pack_code, p.credits
       FROM invoice i JOIN company c ON c.id = i.company_id JOIN purchase p ON p.id = i.purchase_id
       JOIN iap_account a ON a.id = p.account_id JOIN iap_service s ON s.id = a.service_id JOIN credit_pack k ON k.id = p.pack_id
      WHERE i.purchase_id = $1 AND i.company_id = $2`,
    [purchaseId, companyId],
  );
  return rows[0] ? toInvoice(rows[0]) : null;
}
