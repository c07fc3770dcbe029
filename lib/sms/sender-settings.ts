import "server-only";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";

/** The company's SMS sender name and what the gateway sends from otherwise (shown in Settings and the SMS dialog). */
export async function smsSenderSettings(companyId: number): Promise<{ senderName: string | null; number: string | null }> {
  const company = await prisma().company.findUniqueOrThrow({ where: { id: companyId }, select: { smsSender: true } });
  const from = env().TWILIO_FROM;
  return { senderName: company.smsSender, number: from && !from.startsWith("MG") ? from : null };
}

/** An empty name goes back to sending from the number everywhere. */
export async function setSmsSenderName(companyId: number, name: string): Promise<void> {
  await prisma().company.update({ where: { id: companyId }, data: { smsSender: name === "" ? null : name } });
}
