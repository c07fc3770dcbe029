// Generate Leads as a direct POST would run it: only the session lookup is
// replaced; validation, the company directory search, and the credits engine
// (one hold for the request, captured for the leads found, the rest released)
// are real.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { pool, prisma } from "@/lib/db/client";
import { formOf, redirectOf } from "@/tests/support/billing";
import { accountCredits, companyWithCredits } from "@/tests/support/credits";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("@/lib/auth/session-token", () => ({ sessionUserId: async () => session.userId }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { generateLeadsAction } = await import("./actions");

beforeEach(() => {
  session.userId = null;
});

/** An industry no other test uses, with `n` French companies in the directory: exactly `n` matches. */
async function industryOf(n: number): Promise<string> {
  const industry = `Action test industry ${randomUUID()}`;
  await pool().query(
    `INSERT INTO company_directory (source, source_ref, name, search_name, country, industry)
     SELECT 'test', gen_random_uuid()::text, 'Lead SAS ' || i || ' ' || $1, 'lead sas ' || i, 'FR', $1 FROM generate_series(1, $2) AS i`,
    [industry, n],
  );
  return industry;
}

const post = (industry: string, count: string, clientKey = randomUUID()) => formOf({ count, countries: ["FR"], industries: [industry], clientKey });

/** The company's credits, its holds and usage entries, its requests and leads: everything a request may touch. */
async function footprint(companyId: number, accountId: number) {
  return {
    credits: await accountCredits(accountId),
    holds: await prisma().creditHold.findMany({ where: { accountId }, select: { amount: true, capturedAmount: true, status: true } }),
    usage: await prisma().ledgerEntry.count({ where: { accountId, kind: "USAGE" } }),
    requests: await prisma().leadRequest.findMany({ where: { companyId }, select: { state: true, requested: true, found: true } }),
    leads: await prisma().lead.count({ where: { companyId } }),
  };
}

describe("generateLeadsAction", () => {
  it("5 asked, 3 found: one hold of 5, 3 captured, the rest released; the same form posted again charges nothing more", async () => {
    const { companyId, userId, accountId } = await companyWithCredits("reveal", 10n);
    const industry = await industryOf(3);
    session.userId = userId;
    const form = post(industry, "5");
    const to = await redirectOf(() => generateLeadsAction(null, form));
    const [request] = await prisma().leadRequest.findMany({ where: { companyId } });
    expect(to).toBe(`/leads?request=${request.id}`);
    expect(await footprint(companyId, accountId)).toEqual({
      credits: { balance: 7n, held: 0n },
      holds: [{ amount: 5n, capturedAmount: 3n, status: "CAPTURED" }],
      usage: 1,
      requests: [{ state: "DONE", requested: 5, found: 3 }],
      leads: 3,
    });

    // A double submit: the same request, shown again.
    expect(await redirectOf(() => generateLeadsAction(null, form))).toBe(`/leads?request=${request.id}`);
    expect((await footprint(companyId, accountId)).credits).toEqual({ balance: 7n, held: 0n });
    expect(await prisma().lead.count({ where: { companyId } })).toBe(3);
  });

  it("more asked than the credits: the buy prompt; no lead, nothing held or charged", async () => {
    const { companyId, userId, accountId } = await companyWithCredits("reveal", 2n);
    const industry = await industryOf(3);
    session.userId = userId;
    expect(await generateLeadsAction(null, post(industry, "5"))).toMatchObject({
      ok: false,
      code: "buy-credits",
      prompt: { kind: "buy-credits", needed: "5", available: "2", buyUrl: "/iap/buy/reveal", attempt: "generateLeads" },
    });
    expect(await footprint(companyId, accountId)).toEqual({
      credits: { balance: 2n, held: 0n },
      holds: [],
      usage: 0,
      requests: [{ state: "ERROR", requested: 5, found: 0 }],
      leads: 0,
    });
  });

  it("signed out, or a count, country or industry that is not one: the field's error and nothing recorded", async () => {
    const { companyId, userId, accountId } = await companyWithCredits("reveal", 10n);
    const industry = await industryOf(3);
    const before = await footprint(companyId, accountId);
    expect(await generateLeadsAction(null, post(industry, "5"))).toMatchObject({ ok: false, code: "signed-out" });
    session.userId = userId;
    expect(await generateLeadsAction(null, post(industry, "0x10"))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { count: ["Enter how many companies (1–200)."] } });
    expect(await generateLeadsAction(null, post(industry, "201"))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { count: ["At most 200."] } });
    expect(await generateLeadsAction(null, formOf({ count: "5", countries: [], industries: [], clientKey: randomUUID() }))).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { countries: ["Choose at least one country."], industries: ["Choose at least one industry."] },
    });
    expect(await footprint(companyId, accountId)).toEqual(before);
  });

  it("another company posting this company's form key gets a request of its own, never this one's", async () => {
    const ours = await companyWithCredits("reveal", 10n);
    const industry = await industryOf(2);
    const clientKey = randomUUID();
    session.userId = ours.userId;
    await redirectOf(() => generateLeadsAction(null, post(industry, "2", clientKey)));
    const before = await footprint(ours.companyId, ours.accountId);

    const theirs = await companyWithCredits("reveal", 0n);
    session.userId = theirs.userId;
    expect(await generateLeadsAction(null, post(industry, "2", clientKey))).toMatchObject({ ok: false, code: "buy-credits" });
    expect(await footprint(ours.companyId, ours.accountId)).toEqual(before);
    expect((await footprint(theirs.companyId, theirs.accountId)).requests).toEqual([{ state: "ERROR", requested: 2, found: 0 }]);
  });
});
