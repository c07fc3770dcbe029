import "server-only";
import { pool } from "@/lib/db/client";
import { parsePhone } from "@/lib/contacts/phone";
import { optedOutNumbers } from "../opt-out";
import { creditsPerPart, type PriceTable } from "../price";

// Mass SMS, step 1: who gets the message. Mobile first, then phone: the first
// one that is a valid number. A number shared by several contacts gets the
// message once; the other contacts are listed as duplicates (their chatters
// get the same log line when it is sent).

export interface PlannedRecipient {
  contactId: number;
  name: string;
  e164: string;
  international: string;
  country: string | null;
}

export interface SkippedRecipient {
  contactId: number;
  name: string;
  number: string | null;
  /** "opted-out": the number replied STOP; skipped, no credit used. */
  reason: "missing" | "invalid" | "opted-out";
}

export interface MassSmsPlan {
  /** Contacts selected (that exist in the company). */
  total: number;
  /** One per distinct number. */
  recipients: PlannedRecipient[];
  /** Contacts whose number is already in `recipients`. */
  duplicates: PlannedRecipient[];
  skipped: SkippedRecipient[];
}

export async function planMassSms(companyId: number, contactIds: number[]): Promise<MassSmsPlan> {
  const { rows } = await pool().query(
    `SELECT c.id, c.name, c.mobile, c.phone, c.country, co.country AS company_country
       FROM contact c JOIN company co ON co.id = c.company_id
      WHERE c.company_id = $1 AND c.id = ANY($2::int[])
      ORDER BY c.name, c.id`,
    [companyId, contactIds],
  );
  const plan: MassSmsPlan = { total: rows.length, recipients: [], duplicates: [], skipped: [] };
  const seen = new Set<string>();
  const parsed = rows.map((row) => {
    const countries = { contact: row.country, company: row.company_country };
    const raw = [row.mobile, row.phone].filter((n: string | null) => n && n.trim()) as string[];
    return { row, raw, phone: raw.map((n) => parsePhone(n, countries)).find(Boolean) ?? null };
  });
  const optedOut = await optedOutNumbers(companyId, parsed.flatMap((p) => (p.phone ? [p.phone.e164] : [])));
  for (const { row, raw, phone } of parsed) {
    if (!phone) {
      plan.skipped.push({ contactId: row.id, name: row.name, number: raw[0] ?? null, reason: raw.length ? "invalid" : "missing" });
      continue;
    }
    if (optedOut.has(phone.e164)) {
      plan.skipped.push({ contactId: row.id, name: row.name, number: phone.international, reason: "opted-out" });
      continue;
    }
    const recipient = { contactId: row.id, name: row.name, e164: phone.e164, international: phone.international, country: phone.country };
    if (seen.has(phone.e164)) plan.duplicates.push(recipient);
    else (seen.add(phone.e164), plan.recipients.push(recipient));
  }
  return plan;
}

/** Per-country price groups, so the dialog can compute the total live for any message length. */
export function priceGroups(plan: MassSmsPlan, prices: PriceTable): { creditsPerPart: string; count: number }[] {
  const groups = new Map<string, number>();
  for (const r of plan.recipients) {
    const key = creditsPerPart(prices, r.country).toString();
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].map(([creditsPerPart, count]) => ({ creditsPerPart, count }));
}
