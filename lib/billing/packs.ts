import "server-only";
import { prisma } from "@/lib/db/client";
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

/** One pack on sale for the service named, or null (wrong service, retired pack). */
export async function findPack(technicalName: ServiceName, packId: number): Promise<{ service: ServiceInfo; pack: Pack } | null> {
  const service = await getService(technicalName);
  const pack = await prisma().creditPack.findFirst({
    where: { id: packId, serviceId: service.id, active: true },
    select: { id: true, code: true, name: true, credits: true, price: true, currency: true },
  });
  return pack ? { service, pack } : null;
}
