import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool, prisma } from "@/lib/db/client";
import { reloadEnv } from "@/lib/env";
import { companyWithCredits } from "@/tests/support/credits";
import { applyFormEnrichments, ENRICHED_LOG_TEXT, enrichContact, suggestCompanies } from "./autocomplete";
import { seedCompanyDirectory } from "./directory-seed";
import { checkVies } from "./vies";
import { translatorFor } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/locales";
import type { SuggestNote } from "./schemas";

/** The notes as the contact form words them (contacts.json, `autocompleteNotes`). */
function worded(notes: SuggestNote[], locale: Locale = "en"): string[] {
  const t = translatorFor(locale, "contacts.autocompleteNotes");
  return notes.map((note) => t(note.code, note.values));
}

const balance = async (accountId: number) => BigInt((await pool().query("SELECT balance FROM iap_account WHERE id = $1", [accountId])).rows[0].balance);
const lino = async () => (await suggestCompanies("Lino Eng")).suggestions[0];

beforeAll(async () => {
  await seedCompanyDirectory();
});

describe("suggestions", () => {
  it("finds a company by a name prefix, by a typo, and by its registration number", async () => {
    expect(await lino()).toMatchObject({ name: "Lino Engineering AB", country: "SE", postalCode: "442 96", registrationNumber: "5592301054" });
    expect((await suggestCompanies("Lino Engneering")).suggestions.map((s) => s.name)).toContain("Lino Engineering AB");
    expect((await suggestCompanies("5592301054")).suggestions[0]).toMatchObject({ name: "Lino Engineering AB", matchedBy: "registration" });
    expect((await suggestCompanies("Li")).suggestions).toEqual([]);
  });

  it("looks a VAT number up by the registration number inside it, and a domain by its name", async () => {
    reloadEnv();
    const byVat = await suggestCompanies("SE 5592 3010 5401");
    expect(byVat.suggestions[0]).toMatchObject({ name: "Lino Engineering AB", vat: "SE559230105401", matchedBy: "vat" });
    expect(worded(byVat.notes).join(" ")).toContain("not verified");
    expect(worded((await suggestCompanies("FR12345678901")).notes)[0]).toBe("The check digits of this FR VAT number are wrong.");
    // Typed as printed on an invoice — spaces, dots, lower case — it finds what the compact form finds.
    const compact = await suggestCompanies("FR12793794165");
    expect(compact.suggestions[0]).toMatchObject({ name: "YEELD", vat: "FR12793794165", matchedBy: "vat" });
    for (const typed of ["FR 12 793 794 165", "fr 12 793 794 165", "FR12 793794165", "FR 12.793.794.165", " FR-12-793-794-165 "]) {
      expect(await suggestCompanies(typed), typed).toEqual(compact);
    }
    const byDomain = await suggestCompanies("www.abbvie.com");
    expect(byDomain.suggestions[0]).toMatchObject({ name: "AbbVie", industry: "Health Care", matchedBy: "domain" });
    expect(worded(byDomain.notes)[0]).toContain("no websites");
  });
});

describe("enrichment", () => {
  it("charges exactly 1 credit once on a double click, fills only empty fields and logs it in the chatter", async () => {
    const { companyId, userId, accountId } = await companyWithCredits("partner_autocomplete", 5n);
    const contact = await prisma().contact.create({ data: { companyId, name: "Lino (typed)", zip: "99999" } });
    const company = await lino();
    const pick = () =>
      enrichContact({ companyId, userId, contactId: contact.id, directoryCompanyId: company.id, current: { name: "Lino (typed)", zip: "99999", country: "", city: "" } });
    const [first, second] = await Promise.all([pick(), pick()]);

    expect(first.status).toBe("enriched");
    expect(second.status).toBe("enriched");
    expect(await balance(accountId)).toBe(4n);
    const usage = await pool().query("SELECT amount FROM ledger_entry WHERE account_id = $1 AND kind = 'USAGE'", [accountId]);
    expect(usage.rows.map((r) => BigInt(r.amount))).toEqual([-1n]);
    if (first.status === "enriched") expect(first.fill).toEqual({ country: "SE" });

    const saved = await prisma().contact.findUniqueOrThrow({ where: { id: contact.id } });
    expect(saved).toMatchObject({ name: "Lino (typed)", zip: "99999", country: "SE", registrationNumber: "5592301054", isCompany: true });
    const log = await prisma().chatterMessage.findMany({ where: { contactId: contact.id } });
    expect(log).toHaveLength(1);
    expect(log[0].body).toContain(ENRICHED_LOG_TEXT);

    // Picking again later replays the first charge: still 1 credit.
    await pick();
    expect(await balance(accountId)).toBe(4n);
  });

  it("on a new contact: charged at pick time once per form, the data reaches the contact when it is created", async () => {
    const { companyId, userId, accountId } = await companyWithCredits("partner_autocomplete", 3n);
    const company = (await suggestCompanies("AbbVie")).suggestions[0];
    const formKey = `form-${companyId}`;
    const pick = () => enrichContact({ companyId, userId, formKey, directoryCompanyId: company.id, current: { name: "", city: "Chicago (typed)" } });
    const result = await pick();
    await pick();
    expect(result).toMatchObject({ status: "enriched", fill: { name: "AbbVie", country: "US" }, creditsLeft: "2" });
    if (result.status === "enriched") expect(result.fill.city).toBeUndefined();
    expect(await balance(accountId)).toBe(2n);

    const contact = await prisma().contact.create({ data: { companyId, name: "AbbVie", country: "US", city: "Chicago (typed)" } });
    expect(await applyFormEnrichments(companyId, contact.id, formKey, userId)).toBe(1);
    expect(await prisma().contact.findUniqueOrThrow({ where: { id: contact.id } })).toMatchObject({ city: "Chicago (typed)", industry: "Health Care" });
    expect((await prisma().chatterMessage.findFirstOrThrow({ where: { contactId: contact.id } })).body).toContain(ENRICHED_LOG_TEXT);
    expect(await applyFormEnrichments(companyId, contact.id, formKey, userId)).toBe(0);
  });

  it("without credits: refused with the buy prompt's data, and nothing changes", async () => {
    const { companyId, userId, accountId } = await companyWithCredits("partner_autocomplete", 0n);
    const contact = await prisma().contact.create({ data: { companyId, name: "Typed name" } });
    const result = await enrichContact({ companyId, userId, contactId: contact.id, directoryCompanyId: (await lino()).id, current: { name: "Typed name" } });
    expect(result.status).toBe("insufficient");
    if (result.status === "insufficient") {
      expect(result.error.service.name).toBe("Partner Autocomplete");
      expect(result.error.buyUrl).toBe("/iap/buy/partner_autocomplete");
    }
    expect(await prisma().contact.findUniqueOrThrow({ where: { id: contact.id } })).toMatchObject({ name: "Typed name", country: null, registrationNumber: null });
    expect(await prisma().chatterMessage.count({ where: { contactId: contact.id } })).toBe(0);
    expect(await prisma().partnerEnrichment.count({ where: { companyId } })).toBe(0);
    expect(await balance(accountId)).toBe(0n);
  });
});

// A local stand-in for the VIES REST API, answering like its test service:
// vatNumber 100 valid, 200 invalid, 201+ errors (301 MS_UNAVAILABLE), 999 never answers.
// Timeouts are long where the server answers (a loaded machine must not turn an
// answer into a timeout) and short only where it never does.
describe("VIES", () => {
  const seen: unknown[] = [];
  const server = http.createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const request = JSON.parse(body) as { countryCode: string; vatNumber: string };
    seen.push({ method: req.method, url: req.url, ...request });
    const send = (status: number, json: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(json));
    };
    const code = request.vatNumber.endsWith("100") || request.vatNumber === "559230105401" ? "100" : request.vatNumber.slice(-3);
    if (code === "100") {
      send(200, { countryCode: request.countryCode, vatNumber: request.vatNumber, requestDate: "2026-11-21+01:00", valid: true, name: "LINO ENGINEERING AB", address: "BOX 1\n442 96 KUNGÄLV", userError: "VALID" });
    } else if (code === "200") {
      send(200, { countryCode: request.countryCode, vatNumber: request.vatNumber, valid: false, name: "---", address: "---", userError: "INVALID" });
    } else if (code === "999") {
      // Never answers (closed in afterAll): the timeout is the only way out, however slow the machine.
    } else {
      const error = { "201": "INVALID_INPUT", "301": "MS_UNAVAILABLE", "302": "TIMEOUT" }[code] ?? "SERVICE_UNAVAILABLE";
      send(code === "201" ? 400 : 500, { actionSucceed: false, errorWrappers: [{ error, message: error }] });
    }
  });
  let url = "";
  beforeAll(async () => {
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rest-api`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
    delete process.env.VIES_URL;
    delete process.env.VIES_TIMEOUT_MS;
    reloadEnv();
  });

  it("speaks VIES's request and response shapes", async () => {
    expect(await checkVies(url, "BE", "100", 10_000)).toEqual({ status: "valid", name: "LINO ENGINEERING AB", address: "BOX 1\n442 96 KUNGÄLV" });
    expect(seen.at(-1)).toEqual({ method: "POST", url: "/rest-api/check-vat-number", countryCode: "BE", vatNumber: "100" });
    expect(await checkVies(url, "BE", "200", 10_000)).toEqual({ status: "invalid" });
    expect(await checkVies(url, "BE", "201", 10_000)).toEqual({ status: "invalid" });
    expect(await checkVies(url, "BE", "301", 10_000)).toEqual({ status: "unavailable", code: "MS_UNAVAILABLE" });
    expect(await checkVies(url, "BE", "302", 10_000)).toEqual({ status: "unavailable", code: "TIMEOUT" });
    expect(await checkVies(url, "BE", "999", 200)).toEqual({ status: "unavailable", code: "TIMEOUT" });
    expect(await checkVies("http://127.0.0.1:9/none", "BE", "100", 500)).toMatchObject({ status: "unavailable" });
  });

  it("confirms a VAT number in the suggestions, and degrades to the embedded data with a note when VIES cannot answer", async () => {
    process.env.VIES_URL = url;
    process.env.VIES_TIMEOUT_MS = "10000";
    reloadEnv();
    const valid = await suggestCompanies("SE559230105401");
    expect(valid.notes).toContainEqual({ code: "viesValidNamed", values: { vat: "SE559230105401", name: "LINO ENGINEERING AB" } });
    expect(worded(valid.notes)).toContain("VIES: SE559230105401 is valid — registered to LINO ENGINEERING AB.");
    expect(worded(valid.notes, "fr")).toContain("VIES\u00a0: SE559230105401 est valide — enregistré au nom de LINO ENGINEERING AB.");
    expect(worded(valid.notes, "zh-CN")).toContain("VIES：SE559230105401 有效，登记名称为 LINO ENGINEERING AB。");
    expect(valid.suggestions).toHaveLength(1);
    expect(valid.suggestions[0]).toMatchObject({ name: "Lino Engineering AB", vat: "SE559230105401" });

    // A number only VIES knows becomes a suggestion of its own (kept in the directory as source "vies").
    const onlyVies = await suggestCompanies("DE123456100");
    expect(onlyVies.suggestions[0]).toMatchObject({ name: "LINO ENGINEERING AB", source: "vies", vat: "DE123456100", country: "DE" });
    // Searched by name, both are found; the company the directory knows in full comes first.
    expect((await suggestCompanies("Lino Eng")).suggestions.map((s) => [s.name, s.source, s.country]).slice(0, 2)).toEqual([
      ["Lino Engineering AB", expect.not.stringMatching(/^vies$/), "SE"],
      ["LINO ENGINEERING AB", "vies", "DE"],
    ]);

    const invalid = await suggestCompanies("DE123456200");
    expect(worded(invalid.notes)).toContain("VIES: DE123456200 is not a valid VAT number.");

    const server301 = http.createServer((_req, res) => {
      res.writeHead(500, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ actionSucceed: false, errorWrappers: [{ error: "MS_UNAVAILABLE" }] }));
    });
    server301.listen(0, "127.0.0.1");
    await once(server301, "listening");
    process.env.VIES_URL = `http://127.0.0.1:${(server301.address() as AddressInfo).port}`;
    reloadEnv();
    const degraded = await suggestCompanies("SE559230105401");
    server301.close();
    expect(degraded.suggestions[0]).toMatchObject({ name: "Lino Engineering AB" });
    expect(worded(degraded.notes).join(" ")).toContain("member state's VAT register is unavailable");
    expect(worded(degraded.notes, "fr").join(" ")).toContain("le registre TVA de l'État membre est indisponible");
    expect(worded(degraded.notes, "zh-CN").join(" ")).toContain("该成员国的增值税登记系统不可用");

    process.env.VIES_URL = `${url}/slow`;
    process.env.VIES_TIMEOUT_MS = "300";
    reloadEnv();
    const slow = await suggestCompanies("DE123456999");
    expect(worded(slow.notes).join(" ")).toContain("did not answer in time");
  });
});
