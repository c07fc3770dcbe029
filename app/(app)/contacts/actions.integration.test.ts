// The contacts list's actions (new contact, mass SMS preview, send and
// progress, Partner Autocomplete) as a direct POST would run them: only the
// session lookup is replaced; the validation, the company scope and the
// credits are the real ones.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { suggestCompanies } from "@/lib/enrichment/autocomplete";
import { seedCompanyDirectory } from "@/lib/enrichment/directory-seed";
import { formOf, redirectOf } from "@/tests/support/billing";
import { accountCredits, companyWithCredits } from "@/tests/support/credits";
import { createCompany } from "@/tests/support/fixtures";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("@/lib/auth/session-token", () => ({ sessionUserId: async () => session.userId }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { createContactAction, enrichContactAction, massSmsProgressAction, previewMassSmsAction, startMassSmsAction } = await import("./actions");

beforeEach(() => {
  session.userId = null;
});

const contactsOf = (companyId: number) => prisma().contact.findMany({ where: { companyId } });

/** What a mass SMS leaves behind: the messages queued and the credits held. */
async function smsState(companyId: number, accountId: number) {
  return { messages: await prisma().smsMessage.count({ where: { companyId } }), credits: await accountCredits(accountId) };
}

describe("createContactAction", () => {
  it("a user's new contact is saved in their company and the form goes to its page", async () => {
    const { company, user } = await createCompany();
    session.userId = user.id;
    const target = await redirectOf(() => createContactAction(null, formOf({ name: " Marie Dupont ", email: "marie@example.com", country: "fr", city: "Lyon" })));
    const [contact] = await contactsOf(company.id);
    expect(target).toBe(`/contacts/${contact.id}?created=1`);
    expect(contact).toMatchObject({ name: "Marie Dupont", email: "marie@example.com", country: "FR", city: "Lyon" });
  });

  it("signed out, or with a blank name and a bad address: no contact, the errors beside their fields", async () => {
    const { company, user } = await createCompany();
    expect(await createContactAction(null, formOf({ name: "Marie Dupont" }))).toMatchObject({ ok: false, code: "signed-out" });
    session.userId = user.id;
    const state = await createContactAction(null, formOf({ name: "  ", email: "marie@", country: "XX" }));
    expect(state).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { name: ["Enter the contact's name."], email: ["Enter a valid e-mail address, like name@example.com."], country: ["Choose a country from the list."] },
    });
    expect(await contactsOf(company.id)).toEqual([]);
  });
});

describe("mass SMS", () => {
  async function companyWithContacts(credits: bigint) {
    const fixture = await companyWithCredits("sms", credits);
    const contacts = await Promise.all(
      ["+32 470 11 11 11", "+32 470 22 22 22", null].map((mobile, i) => prisma().contact.create({ data: { companyId: fixture.companyId, name: `Contact ${i}`, mobile } })),
    );
    return { ...fixture, ids: contacts.map((contact) => contact.id) };
  }

  it("preview and send for a user's own contacts: two queued, their price held once, a double-click queues nothing more", async () => {
    const { companyId, userId, accountId, ids } = await companyWithContacts(10_000n);
    session.userId = userId;
    const preview = await previewMassSmsAction({ ids });
    expect(preview).toMatchObject({ ok: true, data: { total: 3, recipients: 2, duplicates: 0, skipped: [{ contactId: ids[2], reason: "missing" }] } });

    const send = { selection: { ids }, body: "Our shop opens at 9 tomorrow.", clientId: `mass-sms-${companyId}` };
    expect(await startMassSmsAction(send)).toMatchObject({ ok: true, data: { batchKey: send.clientId } });
    const after = await smsState(companyId, accountId);
    expect(after.messages).toBe(2);
    expect(after.credits.balance).toBe(10_000n);
    expect(after.credits.held).toBeGreaterThan(0n);

    expect(await startMassSmsAction(send)).toMatchObject({ ok: true });
    expect(await smsState(companyId, accountId)).toEqual(after);

    // Its progress, for the dialog: the batch's two messages, and nothing of it for another company asking by its key.
    expect(await massSmsProgressAction(send.clientId)).toMatchObject({ ok: true, data: { progress: { messages: 2, queued: 2, sent: 0 } } });
    session.userId = (await createCompany()).user.id;
    expect(await massSmsProgressAction(send.clientId)).toMatchObject({ ok: true, data: { progress: { messages: 0, queued: 0, failures: [] } } });
  });

  it("another company's user naming this company's contacts: nothing to preview, nothing queued or held here or there", async () => {
    const { companyId, accountId, ids } = await companyWithContacts(10_000n);
    const stranger = await companyWithCredits("sms", 10_000n);
    session.userId = stranger.userId;
    expect(await previewMassSmsAction({ ids })).toMatchObject({ ok: false, code: "refused", message: "None of the selected contacts exist (any more): select them again." });
    expect(await startMassSmsAction({ selection: { ids }, body: "Hello", clientId: `stranger-${companyId}` })).toMatchObject({ ok: false, code: "refused", message: expect.stringContaining("valid number") });
    expect(await smsState(companyId, accountId)).toEqual({ messages: 0, credits: { balance: 10_000n, held: 0n } });
    expect(await smsState(stranger.companyId, stranger.accountId)).toEqual({ messages: 0, credits: { balance: 10_000n, held: 0n } });
  });

  it("signed out, no contact selected, or a missing send id: refused, nothing queued or held", async () => {
    const { companyId, userId, accountId, ids } = await companyWithContacts(10_000n);
    const send = { selection: { ids }, body: "Hello", clientId: `mass-sms-${companyId}` };
    expect(await startMassSmsAction(send)).toMatchObject({ ok: false, code: "signed-out" });
    session.userId = userId;
    expect(await startMassSmsAction({ ...send, selection: { ids: [] } })).toMatchObject({ ok: false, code: "invalid" });
    expect(await startMassSmsAction({ ...send, clientId: "" })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { clientId: ["Missing send id: reload the page."] } });
    expect(await smsState(companyId, accountId)).toEqual({ messages: 0, credits: { balance: 10_000n, held: 0n } });
  });

  it("more than the balance: the buy prompt, nothing queued or held", async () => {
    const { companyId, userId, accountId, ids } = await companyWithContacts(1n);
    session.userId = userId;
    expect(await startMassSmsAction({ selection: { ids }, body: "Hello", clientId: `poor-batch-${companyId}` })).toMatchObject({ ok: false, code: "buy-credits" });
    expect(await smsState(companyId, accountId)).toEqual({ messages: 0, credits: { balance: 1n, held: 0n } });
  });
});

describe("enrichContactAction", () => {
  beforeAll(async () => {
    await seedCompanyDirectory();
  });

  // The embedded directory's Swedish company. Not simply the first suggestion: the
  // directory is shared by the run's tests, and a VIES answer another test got
  // (lib/enrichment) is kept in it as a company of its own with the same name.
  async function swedishLino() {
    const lino = (await suggestCompanies("Lino Eng")).suggestions.find((suggestion) => suggestion.country === "SE" && suggestion.name === "Lino Engineering AB");
    if (!lino) throw new Error("The embedded company directory has no Lino Engineering AB (SE)");
    return lino;
  }

  /** The pick's price and what it filled: what must change once, in the contact's own company only. */
  async function enrichState(contactId: number, accountId: number) {
    const contact = await prisma().contact.findUniqueOrThrow({ where: { id: contactId }, select: { name: true, country: true, city: true } });
    return { contact, credits: await accountCredits(accountId), chatter: await prisma().chatterMessage.count({ where: { contactId } }) };
  }

  it("a pick on a user's own contact: 1 credit, once; another company's user picking for it: refused, nothing charged or filled", async () => {
    const { companyId, userId, accountId } = await companyWithCredits("partner_autocomplete", 5n);
    const contact = await prisma().contact.create({ data: { companyId, name: "Lino (typed)" } });
    const lino = await swedishLino();
    const pick = { directoryCompanyId: lino.id, contactId: contact.id, current: { name: "Lino (typed)", country: "", city: "" } };

    const stranger = await companyWithCredits("partner_autocomplete", 5n);
    session.userId = stranger.userId;
    const before = await enrichState(contact.id, accountId);
    expect(await enrichContactAction(pick)).toMatchObject({ ok: false, code: "refused", message: "This contact or company does not exist (any more)." });
    expect(await enrichState(contact.id, accountId)).toEqual(before);
    expect(await accountCredits(stranger.accountId)).toEqual({ balance: 5n, held: 0n });

    session.userId = userId;
    expect(await enrichContactAction(pick)).toMatchObject({ ok: true, message: "Filled from Lino Engineering AB (1 credit used; 4 credits left).", data: { fill: { country: "SE" } } });
    const filled = await enrichState(contact.id, accountId);
    expect(filled).toMatchObject({ contact: { name: "Lino (typed)", country: "SE" }, credits: { balance: 4n, held: 0n } });
    expect(await enrichContactAction(pick)).toMatchObject({ ok: true, message: expect.stringMatching(/^Filled from Lino Engineering AB \(already paid, no new charge/) });
    expect(await enrichState(contact.id, accountId)).toEqual(filled);
  });

  it("a pick made in an unsaved form fills the contact that form creates, never one another company creates with the same form key", async () => {
    const { companyId, userId } = await companyWithCredits("partner_autocomplete", 5n);
    const lino = await swedishLino();
    const formKey = `new-contact-form-${companyId}`;
    session.userId = userId;
    expect(await enrichContactAction({ directoryCompanyId: lino.id, formKey, current: { name: "", country: "", city: "" } })).toMatchObject({ ok: true });

    const other = await createCompany();
    session.userId = other.user.id;
    await redirectOf(() => createContactAction(null, formOf({ name: "Someone Else", partnerAutocompleteKey: formKey })));
    expect(await contactsOf(other.company.id)).toMatchObject([{ name: "Someone Else", country: null }]);

    session.userId = userId;
    await redirectOf(() => createContactAction(null, formOf({ name: "Lino Engineering AB", country: "SE", partnerAutocompleteKey: formKey })));
    expect(await prisma().partnerEnrichment.findMany({ where: { formKey }, select: { companyId: true, contactId: true } })).toEqual([
      { companyId, contactId: (await contactsOf(companyId))[0].id },
    ]);
  });
});
