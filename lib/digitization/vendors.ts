import "server-only";
import type { Tx } from "@/lib/db/client";
import { normaliseVat } from "./extract/checks";

/**
 * The bill's vendor among the company's contacts: the one with the same VAT
 * number (compared without spaces or dots), else the same name (case-blind),
 * else a new company contact. Runs inside the caller's transaction.
 */
export async function findOrCreateVendor(tx: Tx, companyId: number, vendor: { name: string; vat: string | null }): Promise<{ id: number; created: boolean }> {
  if (vendor.vat) {
    const vat = normaliseVat(vendor.vat);
    const rows = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM contact
       WHERE company_id = ${companyId} AND upper(regexp_replace(coalesce(vat, ''), '[\\s.\\-]', '', 'g')) = ${vat}
       ORDER BY is_company DESC, id LIMIT 1`;
    if (rows[0]) return { id: rows[0].id, created: false };
  }
  const byName = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM contact WHERE company_id = ${companyId} AND lower(trim(name)) = lower(trim(${vendor.name}))
     ORDER BY is_company DESC, id LIMIT 1`;
  if (byName[0]) return { id: byName[0].id, created: false };
  const country = vendor.vat && /^[A-Z]{2}/.test(vendor.vat) ? vendor.vat.slice(0, 2).replace("EL", "GR") : null;
  const created = await tx.contact.create({
    data: { companyId, name: vendor.name, vat: vendor.vat ? normaliseVat(vendor.vat) : null, isCompany: true, country },
  });
  return { id: created.id, created: true };
}
