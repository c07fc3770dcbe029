import { describe, expect, it } from "vitest";
import { prisma } from "./client";
import { createCompany } from "@/tests/support/fixtures";

describe("database", () => {
  it("writes and reads a company and its users through Prisma on the real server", async () => {
    const { company, admin } = await createCompany({ country: "FR" });
    const read = await prisma().company.findUniqueOrThrow({ where: { id: company.id }, include: { users: { orderBy: { id: "asc" } } } });
    expect(read.country).toBe("FR");
    expect(read.users.map((u) => u.role)).toEqual(["ADMIN", "USER"]);
    expect(read.users[0].email).toBe(admin.email);
  });

  it("refuses a negative balance and any change to a ledger entry", async () => {
    const { company } = await createCompany();
    const service = await prisma().iapService.findUniqueOrThrow({ where: { technicalName: "sms" } });
    const account = await prisma().iapAccount.create({ data: { companyId: company.id, serviceId: service.id } });
    await expect(prisma().iapAccount.update({ where: { id: account.id }, data: { balance: -1n } })).rejects.toThrow(/balance_non_negative/);

    await prisma().$executeRaw`UPDATE iap_account SET balance = 5 WHERE id = ${account.id}`;
    const entry = await prisma().ledgerEntry.create({
      data: { accountId: account.id, kind: "ADJUSTMENT", amount: 5n, balanceAfter: 5n, description: "test", idempotencyKey: "t1" },
    });
    await expect(prisma().ledgerEntry.update({ where: { id: entry.id }, data: { amount: 6n } })).rejects.toThrow(/append-only/);
    await expect(prisma().ledgerEntry.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
  });
});
