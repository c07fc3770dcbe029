import "server-only";
import { prisma } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/session";
import { getOrCreateAccount, getService } from "@/lib/iap/accounts";
import type { ServiceInfo } from "@/lib/iap/types";
import type { ServiceName } from "@/lib/iap/catalogue";
import { UnknownServiceError } from "@/lib/iap/errors";
import { balanceOf } from "@/lib/iap/ledger";
import { listPacks, type Pack } from "./packs";
import { stripeConfigured } from "./stripe-client";

export interface BuyPage {
  service: ServiceInfo & { unitName: string };
  accountId: number;
  balance: bigint;
  packs: Pack[];
  /** Only administrators buy; others see the packs and whom to ask. */
  canBuy: boolean;
  admins: { name: string; email: string }[];
  /** No STRIPE_SECRET_KEY: Buy leads to the demo checkout. */
  demo: boolean;
}

/**
 * Everything "Buy Credits for <service>" shows, for the signed-in user's
 * company. The account is created on first use, like anywhere else a service
 * is used, so a prompt for a never-used service still lands on a real account.
 */
export async function loadBuyPage(user: SessionUser, technicalName: ServiceName): Promise<BuyPage | null> {
  let service: ServiceInfo;
  try {
    service = await getService(technicalName);
  } catch (error) {
    // A known name the catalogue was never seeded with.
    if (error instanceof UnknownServiceError) return null;
    throw error;
  }
  const account = await getOrCreateAccount(user.companyId, service.technicalName);
  const [balance, packs, details, admins] = await Promise.all([
    balanceOf(account.id),
    listPacks(service),
    prisma().iapService.findUniqueOrThrow({ where: { id: service.id }, select: { unitName: true } }),
    user.role === "ADMIN"
      ? Promise.resolve([])
      : prisma().user.findMany({ where: { companyId: user.companyId, role: "ADMIN" }, select: { name: true, email: true }, orderBy: { id: "asc" }, take: 3 }),
  ]);
  return {
    service: { ...service, unitName: details.unitName },
    accountId: account.id,
    balance,
    packs,
    canBuy: user.role === "ADMIN",
    admins,
    demo: !stripeConfigured(),
  };
}
