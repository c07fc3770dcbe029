import "server-only";
import { pool, prisma } from "@/lib/db/client";
import { getService } from "@/lib/iap/accounts";
import type { ServiceInfo } from "@/lib/iap/types";
import type { ServiceName } from "@/lib/iap/catalogue";

export interface Pack {
  id: number;
  code: string;
  name: string;
  /** Credits in the service's units. */
  credits: bigint;
  /** Price in the currency's minor unit. */
  price: number;
  currency: string;
}

/** The packs on sale for a service, in catalogue order (data from `credit_pack`, seeded). */
export async function listPacks(service: ServiceInfo): Promise<Pack[]> {
  return prisma().creditPack.findMany({
    where: { serviceId: service.id, active: true },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, code: true, name: true, credits: true, price: true, currency: true },
  });
}

/**
 * The packs on sale for an account's service, in catalogue order; none when
 * the account is not the company's. One statement keyed by the account, so the
 * account page reads it alongside its other data rather than after it.
 */
export async function listAccountPacks(companyId: number, accountId: number): Promise<Pack[]> {
  const { rows } = await pool().query<{ id: number; code: string; name: string; credits: string; price: number; currency: string }>({
    name: "account_packs",
    text: `SELECT k.id, k.code, k.name, k.credits, k.price, k.currency
             FROM credit_pack k JOIN iap_account a ON a.service_id = k.service_id
            WHERE a.id = $1 AND a.company_id = $2 AND k.active
            ORDER BY k.sort_order, k.id`,
    values: [accountId, companyId],
  });
  return rows.map((row) => ({ id: row.id, code: row.code, name: row.name, credits: BigInt(row.credits), price: row.price, currency: row.currency.trim() }));
}

/** One pack on sale for the service named, or null (wrong service, retired pack). */
export async function findPack(technicalName: ServiceName, packId: number): Promise<{ service: ServiceInfo; pack: Pack } | null> {
  const service = await getService(technicalName);
  const pack = await prisma().creditPack.findFirst({
    where: { id: packId, serviceId: service.id, active: true },
    select: { id: true, code: true, name: true, credits: true, price: true, currency: true },
  });
  return pack ? { service, pack } : null;
}
