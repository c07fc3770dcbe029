// A contact's page actions (save, log a note, send an SMS) as a direct POST
// would run them: only the session lookup is replaced. The company scope is
// what matters most here: the contact id is in the form, so anyone can post
// any id. Sending an SMS charges once, with the test gateway.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { loadPriceTable } from "@/lib/sms/pricing";
import { formOf } from "@/tests/support/billing";
import { accountCredits, companyWithCredits } from "@/tests/support/credits";
import { createCompany } from "@/tests/support/fixtures";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("@/lib/auth/session-token", () => ({ sessionUserId: async () => session.userId }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { postNoteAction, sendSmsAction, updateContactAction } = await import("./actions");

beforeEach(() => {
  session.userId = null;
});

const newContact = (companyId: number) => prisma().contact.create({ data: { companyId, name: "Camille Martin", mobile: "+32 470 12 34 56", city: "Namur" } });
const readContact = (id: number) => prisma().contact.findUniqueOrThrow({ where: { id } });
const chatterOf = (contactId: number) => prisma().chatterMessage.findMany({ where: { contactId } });

describe("updateContactAction", () => {
  it("a user saves their company's contact: the new values stored and sent back to the form", async () => {
    const { company, user } = await createCompany();
    const contact = await newContact(company.id);
    session.userId = user.id;
    const state = await updateContactAction(null, formOf({ id: contact.id, name: "Camille Martin-Leroy", email: "camille@example.com", city: "" }));
    expect(state).toMatchObject({ ok: true, message: "Saved.", data: { name: "Camille Martin-Leroy", email: "camille@example.com" } });
    expect(await readContact(contact.id)).toMatchObject({ name: "Camille Martin-Leroy", email: "camille@example.com", city: null });
  });

  it("signed out, another company's admin, or a blank name: refused and the contact unchanged", async () => {
    const { company, user } = await createCompany();
    const contact = await newContact(company.id);
    const before = await readContact(contact.id);
    const rename = formOf({ id: contact.id, name: "Taken Over" });
    expect(await updateContactAction(null, rename)).toMatchObject({ ok: false, code: "signed-out" });
    const { admin: stranger } = await createCompany();
    session.userId = stranger.id;
    expect(await updateContactAction(null, rename)).toMatchObject({ ok: false, code: "refused", message: "This contact does not exist (any more)." });
    session.userId = user.id;
    expect(await updateContactAction(null, formOf({ id: contact.id, name: " " }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { name: ["Enter the contact's name."] } });
    expect(await readContact(contact.id)).toEqual(before);
  });
});

describe("postNoteAction", () => {
  it("the note goes in the contact's chatter under its author; another company's user, or an empty note, logs nothing", async () => {
    const { company, user } = await createCompany();
    const contact = await newContact(company.id);
    const { user: stranger } = await createCompany();
    session.userId = stranger.id;
    expect(await postNoteAction(null, formOf({ contactId: contact.id, body: "Not mine" }))).toMatchObject({ ok: false, code: "refused", message: "This contact does not exist (any more)." });
    session.userId = user.id;
    expect(await postNoteAction(null, formOf({ contactId: contact.id, body: "  " }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { body: ["Write a note first."] } });
    expect(await chatterOf(contact.id)).toEqual([]);

    expect(await postNoteAction(null, formOf({ contactId: contact.id, body: " Called back, wants a quote. " }))).toEqual({ ok: true, message: "Note logged." });
    expect(await chatterOf(contact.id)).toMatchObject([{ kind: "NOTE", body: "Called back, wants a quote.", authorId: user.id }]);
  });
});

describe("sendSmsAction", () => {
  async function contactWithCredits(credits: bigint) {
    const fixture = await companyWithCredits("sms", credits);
    return { ...fixture, contact: await newContact(fixture.companyId) };
  }

  /** The money and the messages: what must move exactly once, or not at all. */
  async function smsState(companyId: number, accountId: number) {
    return {
      credits: await accountCredits(accountId),
      usage: (await prisma().ledgerEntry.findMany({ where: { accountId, kind: "USAGE" } })).map((entry) => entry.amount),
      sent: await prisma().smsMessage.count({ where: { companyId } }),
    };
  }

  it("sends and charges the price once, even when the same send is posted twice", async () => {
    const { companyId, userId, accountId, contact } = await contactWithCredits(1000n);
    const price = BigInt((await loadPriceTable()).BE);
    session.userId = userId;
    const send = formOf({ contactId: contact.id, number: contact.mobile!, body: "Your order is ready.", clientId: `send-sms-${contact.id}` });
    expect(await sendSmsAction(null, send)).toMatchObject({ ok: true, message: expect.stringMatching(/^SMS sent to \+32 470 12 34 56 \(1 SMS, /) });
    expect(await sendSmsAction(null, send)).toMatchObject({ ok: true });
    expect(await smsState(companyId, accountId)).toEqual({ credits: { balance: 1000n - price, held: 0n }, usage: [-price], sent: 1 });
    expect(await chatterOf(contact.id)).toMatchObject([{ kind: "SMS", authorId: userId }]);
  });

  it("signed out, another company's user, or no number: nothing sent or charged in either company", async () => {
    const { companyId, userId, accountId, contact } = await contactWithCredits(1000n);
    const stranger = await companyWithCredits("sms", 1000n);
    const send = { contactId: contact.id, number: contact.mobile!, body: "Hello", clientId: `send-sms-${contact.id}` };
    expect(await sendSmsAction(null, formOf(send))).toMatchObject({ ok: false, code: "signed-out" });
    session.userId = stranger.userId;
    expect(await sendSmsAction(null, formOf(send))).toMatchObject({ ok: false, code: "refused", message: "This contact does not exist (any more)." });
    session.userId = userId;
    expect(await sendSmsAction(null, formOf({ ...send, number: " " }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { number: ["This contact has no number here."] } });
    const untouched = { credits: { balance: 1000n, held: 0n }, usage: [], sent: 0 };
    expect(await smsState(companyId, accountId)).toEqual(untouched);
    expect(await smsState(stranger.companyId, stranger.accountId)).toEqual(untouched);
    expect(await chatterOf(contact.id)).toEqual([]);
  });

  it("without enough credits: the buy prompt, nothing sent, charged or logged", async () => {
    const { companyId, userId, accountId, contact } = await contactWithCredits(1n);
    session.userId = userId;
    const state = await sendSmsAction(null, formOf({ contactId: contact.id, number: contact.mobile!, body: "Hello", clientId: `send-sms-${contact.id}` }));
    expect(state).toMatchObject({ ok: false, code: "buy-credits" });
    expect(await smsState(companyId, accountId)).toEqual({ credits: { balance: 1n, held: 0n }, usage: [], sent: 0 });
    expect(await chatterOf(contact.id)).toEqual([]);
  });
});
