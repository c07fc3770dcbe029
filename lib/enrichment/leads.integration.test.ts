import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { pool, prisma } from "@/lib/db/client";
import { accountCredits, companyWithCredits } from "@/tests/support/credits";
import { createCompany } from "@/tests/support/fixtures";
import { seedCompanyDirectory } from "./directory-seed";
import { convertLead, generateLeads, LeadConvertedMeanwhileError } from "./leads";

/** `n` directory companies of an industry no other test uses: exactly `n` matches. */
async function industryWith(n: number): Promise<string> {
  const industry = `Test industry ${randomUUID()}`;
  for (let i = 0; i < n; i++) {
    await pool().query(
      "INSERT INTO company_directory (source, source_ref, name, search_name, country, industry) VALUES ('test', $1, $2, $3, 'FR', $4)",
      [randomUUID(), `Test SARL ${i} ${industry}`, `test sarl ${i}`, industry],
    );
  }
  return industry;
}

const request = (base: { companyId: number; userId: number }, industry: string, count: number, clientKey = randomUUID()) =>
  generateLeads({ ...base, count, countries: ["FR"], industries: [industry], clientKey });

beforeAll(async () => {
  await seedCompanyDirectory();
});

describe("generateLeads", () => {
  it("50 asked, 12 found: 12 leads, 12 credits used, 38 released", async () => {
    const { companyId, userId, accountId } = await companyWithCredits("reveal", 60n);
    const industry = await industryWith(12);
    const result = await request({ companyId, userId }, industry, 50);
    expect(result).toMatchObject({ status: "done", found: 12, creditsUsed: "12", outcome: { code: "found", found: 12, used: "12", released: 38 } });
    expect(await prisma().lead.count({ where: { companyId } })).toBe(12);
    expect(await accountCredits(accountId)).toEqual({ balance: 48n, held: 0n });
    const hold = await pool().query("SELECT amount, captured_amount, status FROM credit_hold WHERE account_id = $1", [accountId]);
    expect(hold.rows).toEqual([{ amount: "50", captured_amount: "12", status: "CAPTURED" }]);
    const saved = await prisma().leadRequest.findUniqueOrThrow({ where: { id: result.requestId } });
    expect(saved).toMatchObject({ state: "DONE", found: 12, creditsUsed: 12n, outcome: "found" });

    // The same companies are not found twice: a second request has no result and costs nothing.
    const again = await request({ companyId, userId }, industry, 5);
    expect(again).toMatchObject({ status: "done", found: 0, outcome: { code: "none" } });
    expect(await accountCredits(accountId)).toEqual({ balance: 48n, held: 0n });
  });

  it("no matches: no credits used", async () => {
    const { companyId, userId, accountId } = await companyWithCredits("reveal", 10n);
    const result = await request({ companyId, userId }, `Nothing ${randomUUID()}`, 10);
    expect(result).toMatchObject({ status: "done", found: 0, creditsUsed: "0", outcome: { code: "none" } });
    expect(await accountCredits(accountId)).toEqual({ balance: 10n, held: 0n });
    expect(await pool().query("SELECT 1 FROM ledger_entry WHERE account_id = $1 AND kind = 'USAGE'", [accountId])).toMatchObject({ rowCount: 0 });
  });

  it("concurrent identical requests create no duplicate leads and charge only what was inserted", async () => {
    const { companyId, userId, accountId } = await companyWithCredits("reveal", 40n);
    const industry = await industryWith(12);
    const results = await Promise.all([request({ companyId, userId }, industry, 10), request({ companyId, userId }, industry, 10), request({ companyId, userId }, industry, 10)]);
    const found = results.map((r) => (r.status === "done" ? r.found : -1));
    expect(found.reduce((a, b) => a + b, 0)).toBe(12);
    const leads = await pool().query("SELECT directory_company_id FROM lead WHERE company_id = $1", [companyId]);
    expect(new Set(leads.rows.map((r) => r.directory_company_id)).size).toBe(12);
    expect(leads.rowCount).toBe(12);
    expect(await accountCredits(accountId)).toEqual({ balance: 28n, held: 0n });
  });

  it("a double submit (same form key) is one request", async () => {
    const { companyId, userId, accountId } = await companyWithCredits("reveal", 10n);
    const industry = await industryWith(3);
    const key = randomUUID();
    const [first, second] = await Promise.all([request({ companyId, userId }, industry, 5, key), request({ companyId, userId }, industry, 5, key)]);
    expect(first.requestId).toBe(second.requestId);
    expect(await prisma().leadRequest.count({ where: { companyId } })).toBe(1);
    expect(await prisma().lead.count({ where: { companyId } })).toBe(3);
    expect((await accountCredits(accountId)).balance).toBe(7n);
  });

  it("not enough credits: the request is in error, nothing found or charged", async () => {
    const { companyId, userId, accountId } = await companyWithCredits("reveal", 5n);
    const industry = await industryWith(3);
    const result = await request({ companyId, userId }, industry, 20);
    expect(result.status).toBe("insufficient");
    if (result.status === "insufficient") expect(result.error.buyUrl).toBe("/iap/buy/reveal");
    expect(await prisma().leadRequest.findUniqueOrThrow({ where: { id: result.requestId } })).toMatchObject({ state: "ERROR", outcome: "not-enough-credits" });
    expect(await prisma().lead.count({ where: { companyId } })).toBe(0);
    expect(await accountCredits(accountId)).toEqual({ balance: 5n, held: 0n });
  });

  it("leaves out companies that are already contacts, and converts a lead to a contact in one click", async () => {
    const { companyId, userId } = await companyWithCredits("reveal", 10n);
    const industry = await industryWith(3);
    await prisma().contact.create({ data: { companyId, name: `Test SARL 0 ${industry}` } });
    const result = await request({ companyId, userId }, industry, 5);
    expect(result).toMatchObject({ found: 2 });
    const lead = await prisma().lead.findFirstOrThrow({ where: { companyId }, orderBy: { id: "asc" } });
    const converted = await convertLead(companyId, lead.id, userId);
    expect(converted).not.toBeNull();
    expect(await convertLead(companyId, lead.id, userId)).toEqual(converted);
    expect(await prisma().contact.findUniqueOrThrow({ where: { id: converted!.contactId } })).toMatchObject({ name: lead.name, country: "FR", industry, isCompany: true });
    expect(await prisma().lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ status: "CONVERTED", contactId: converted!.contactId });
    // The chatter keeps a code and the lead's source, worded in each reader's language when shown.
    expect(await prisma().chatterMessage.findMany({ where: { contactId: converted!.contactId }, select: { kind: true, code: true, params: true, body: true } })).toEqual([
      { kind: "SYSTEM", code: "leadMined", params: { source: lead.source }, body: "" },
    ]);
    expect(await convertLead((await createCompany()).company.id, lead.id, null)).toBeNull();
  });

  it("two people converting one lead at once make one contact; a loser of the race gets a code to be told, not a stray contact", async () => {
    const { companyId, userId } = await companyWithCredits("reveal", 5n);
    const industry = await industryWith(1);
    await request({ companyId, userId }, industry, 1);
    const lead = await prisma().lead.findFirstOrThrow({ where: { companyId } });
    const results = await Promise.allSettled([convertLead(companyId, lead.id, userId), convertLead(companyId, lead.id, userId), convertLead(companyId, lead.id, userId)]);
    const contacts = await prisma().contact.findMany({ where: { companyId, name: lead.name }, select: { id: true } });
    expect(contacts).toHaveLength(1);
    for (const result of results) {
      if (result.status === "fulfilled") expect(result.value).toEqual({ contactId: contacts[0].id });
      else expect(result.reason).toBeInstanceOf(LeadConvertedMeanwhileError);
    }
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
  });
});
