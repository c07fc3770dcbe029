// Settings → Lead generation as a direct POST of each server action would run
// it: only the session lookup is replaced; the role check, validation, the
// company scope of sites and rules, and "Run rules now" on the credits engine
// are real.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { pool, prisma } from "@/lib/db/client";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { accountCredits } from "@/tests/support/credits";
import { fieldErrorsOf, formOf } from "@/tests/support/billing";
import { createCompany } from "@/tests/support/fixtures";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("@/lib/auth/session-token", () => ({ sessionUserId: async () => session.userId }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { createRuleAction, registerSiteAction, removeRuleAction, removeSiteAction, runRulesNowAction, setRuleActiveAction } = await import("./actions");

beforeEach(() => {
  session.userId = null;
});

const RULE = { name: "Pricing visitors", countries: ["be", "FR"], urlPatterns: "/pricing /contact*", minPageViews: "2", maxLeadsPerDay: "5", active: "on" };

const sitesOf = (companyId: number) => prisma().visitorSite.findMany({ where: { companyId }, select: { id: true, name: true, origins: true }, orderBy: { id: "asc" } });
const rulesOf = (companyId: number) =>
  prisma().visitorRule.findMany({ where: { companyId }, select: { id: true, name: true, countries: true, urlPatterns: true, minPageViews: true, maxLeadsPerDay: true, active: true }, orderBy: { id: "asc" } });

/** A company with one website and one rule, made through the actions by its admin. */
async function withSiteAndRule() {
  const ours = await createCompany();
  session.userId = ours.admin.id;
  await registerSiteAction(null, formOf({ name: "Shop", origins: "https://www.shop.test" }));
  await createRuleAction(null, formOf(RULE));
  session.userId = null;
  const [site] = await sitesOf(ours.company.id);
  const [rule] = await rulesOf(ours.company.id);
  return { ...ours, site, rule };
}

describe("websites and rules", () => {
  it("an admin registers a website and adds a rule as typed; pauses, then removes both", async () => {
    const { company, admin } = await createCompany();
    session.userId = admin.id;
    expect(await registerSiteAction(null, formOf({ name: "Shop", origins: "www.shop.test/pricing, https://shop.test https://www.shop.test" }))).toEqual({
      ok: true,
      message: "Shop registered: copy its snippet into every page of the site.",
    });
    const [site] = await sitesOf(company.id);
    expect(site).toMatchObject({ name: "Shop", origins: ["https://www.shop.test", "https://shop.test"] });

    expect(await createRuleAction(null, formOf(RULE))).toEqual({ ok: true, message: "Rule “Pricing visitors” saved." });
    const [rule] = await rulesOf(company.id);
    expect(rule).toMatchObject({ name: "Pricing visitors", countries: ["BE", "FR"], urlPatterns: ["/pricing", "/contact*"], minPageViews: 2, maxLeadsPerDay: 5, active: true });

    expect(await setRuleActiveAction(null, formOf({ ruleId: rule.id, active: "false" }))).toEqual({ ok: true });
    expect((await rulesOf(company.id))[0].active).toBe(false);
    expect(await removeRuleAction(null, formOf({ ruleId: rule.id }))).toEqual({ ok: true });
    expect(await removeSiteAction(null, formOf({ siteId: site.id }))).toEqual({ ok: true });
    expect(await rulesOf(company.id)).toEqual([]);
    expect(await sitesOf(company.id)).toEqual([]);
  });

  it("signed out or as a USER: refused, nothing added or changed", async () => {
    const { company, user, site, rule } = await withSiteAndRule();
    const before = { sites: await sitesOf(company.id), rules: await rulesOf(company.id) };
    for (const userId of [null, user.id]) {
      session.userId = userId;
      const code = userId ? "forbidden" : "signed-out";
      expect(await registerSiteAction(null, formOf({ name: "Other", origins: "https://other.test" }))).toMatchObject({ ok: false, code });
      expect(await createRuleAction(null, formOf(RULE))).toMatchObject({ ok: false, code });
      expect(await setRuleActiveAction(null, formOf({ ruleId: rule.id, active: "false" }))).toMatchObject({ ok: false, code });
      expect(await removeRuleAction(null, formOf({ ruleId: rule.id }))).toMatchObject({ ok: false, code });
      expect(await removeSiteAction(null, formOf({ siteId: site.id }))).toMatchObject({ ok: false, code });
      expect(await runRulesNowAction(null, formOf({}))).toMatchObject({ ok: false, code });
    }
    expect({ sites: await sitesOf(company.id), rules: await rulesOf(company.id) }).toEqual(before);
  });

  it("an admin of another company, with this company's ids: refused, the site and rule unchanged", async () => {
    const { company, site, rule } = await withSiteAndRule();
    const before = { sites: await sitesOf(company.id), rules: await rulesOf(company.id) };
    session.userId = (await createCompany()).admin.id;
    expect(await setRuleActiveAction(null, formOf({ ruleId: rule.id, active: "false" }))).toMatchObject({ ok: false, code: "refused", message: "This rule does not exist (any more)." });
    expect(await removeRuleAction(null, formOf({ ruleId: rule.id }))).toMatchObject({ ok: false, code: "refused", message: "This rule does not exist (any more)." });
    expect(await removeSiteAction(null, formOf({ siteId: site.id }))).toMatchObject({ ok: false, code: "refused", message: "This website does not exist (any more)." });
    expect({ sites: await sitesOf(company.id), rules: await rulesOf(company.id) }).toEqual(before);
  });

  it("an address that is not one, a bad pattern or country, an id that is no id: the field's error, nothing written", async () => {
    const { company, admin } = await createCompany();
    session.userId = admin.id;
    expect(await registerSiteAction(null, formOf({ name: "Shop", origins: "https://shop.test ftp://files.shop.test" }))).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { origins: ["“ftp://files.shop.test” is not a web address: write it like https://www.example.com."] },
    });
    expect(await registerSiteAction(null, formOf({ name: " ", origins: "" }))).toMatchObject({
      fieldErrors: { name: ["Give the website a name."], origins: ["Enter the address of at least one website (https://www.example.com)."] },
    });
    expect(await createRuleAction(null, formOf({ ...RULE, urlPatterns: "pricing", countries: ["Belgium"] }))).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { urlPatterns: ["A pattern starts with / and may end with * (e.g. /pricing, /contact*)."], countries: ["Choose countries from the list."] },
    });
    const zero = await createRuleAction(null, formOf({ ...RULE, minPageViews: "0" }));
    expect(Object.keys(fieldErrorsOf(zero))).toEqual(["minPageViews"]);
    expect(await removeSiteAction(null, formOf({ siteId: "abc" }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { siteId: ["This record does not exist (any more)."] } });
    expect(await sitesOf(company.id)).toEqual([]);
    expect(await rulesOf(company.id)).toEqual([]);
  });
});

describe("runRulesNowAction", () => {
  it("no active rule: says so", async () => {
    const { admin } = await createCompany();
    session.userId = admin.id;
    expect(await runRulesNowAction(null, formOf({}))).toEqual({ ok: true, message: "No active rule: add one below.", data: {} });
  });

  it("a visitor to reveal and no credit: the answer carries the buy prompt; no lead, no credit spent, the rule stopped", async () => {
    const { company, admin, site, rule } = await withSiteAndRule();
    await prisma().visitorRule.update({ where: { id: rule.id }, data: { countries: [] } });
    // Two processed views of the pricing page from one organisation's network (what the tracking route and the processing leave).
    await pool().query(
      `INSERT INTO page_view (site_id, company_id, url, path, network, asn, organisation, processed_at)
       SELECT $1, $2, 'https://www.shop.test/pricing', '/pricing', '17.1.2.0/24', 714, 'Apple Inc.', now() FROM generate_series(1, 2)`,
      [site.id, company.id],
    );
    const account = await getOrCreateAccount(company.id, "reveal");
    session.userId = admin.id;
    const state = await runRulesNowAction(null, formOf({}));
    expect(state).toMatchObject({
      ok: true,
      message: expect.stringMatching(/0 organisations revealed, 0 leads updated\.$/),
      data: { shortage: { kind: "buy-credits", needed: "1", available: "0", buyUrl: "/iap/buy/reveal", attempt: "revealVisitors" } },
    });
    expect(await prisma().lead.count({ where: { companyId: company.id } })).toBe(0);
    expect(await accountCredits(account.id)).toEqual({ balance: 0n, held: 0n });
    expect(await prisma().ledgerEntry.count({ where: { accountId: account.id } })).toBe(0);
    expect((await prisma().visitorRule.findUniqueOrThrow({ where: { id: rule.id } })).stoppedAt).not.toBeNull();
  });
});
