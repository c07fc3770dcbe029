// "Send by Post" as a direct POST would run it: only the session lookup is
// replaced; the address check, the rendering, the price and the queue are the
// real ones. Neither action charges: the queue charges when it posts (see
// app/(app)/letters/actions.integration.test.ts).
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { formOf } from "@/tests/support/billing";
import { accountCredits, companyWithCredits } from "@/tests/support/credits";

// Rendering a letter embeds a font: seconds each on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("@/lib/auth/session-token", () => ({ sessionUserId: async () => session.userId }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { quoteLetterAction, sendLetterAction } = await import("./actions");

beforeEach(() => {
  session.userId = null;
});

/** A company that can post (its address is the sender's), holding `credits`, with a contact in Antwerp. */
async function companyWithContact(credits: bigint) {
  const fixture = await companyWithCredits("snailmail", credits);
  await prisma().company.update({ where: { id: fixture.companyId }, data: { street: "Rue de la Loi 16", city: "Brussels", zip: "1000" } });
  const contact = await prisma().contact.create({ data: { companyId: fixture.companyId, name: "Jan Peeters", street: "Meir 1", city: "Antwerpen", zip: "2000", country: "BE" } });
  return { ...fixture, contact };
}

const lettersOf = (companyId: number) => prisma().letter.findMany({ where: { companyId }, omit: { pdf: true } });
const LETTER = { mode: "letter", subject: "Your contract", body: "Please find our new terms below." };

describe("sendLetterAction", () => {
  it("a user's letter goes In Queue with its price; nothing is charged yet", async () => {
    const { companyId, userId, accountId, contact } = await companyWithContact(10_000n);
    session.userId = userId;
    const state = await sendLetterAction(null, formOf({ contactId: contact.id, ...LETTER, color: "color" }));
    const [letter] = await lettersOf(companyId);
    expect(state).toMatchObject({ ok: true, message: expect.stringMatching(new RegExp(`^Letter #${letter.id} is In Queue`)), data: { letterId: letter.id } });
    expect(state.ok && state.data?.shortfall).toBeUndefined();
    expect(letter).toMatchObject({ state: "QUEUED", contactId: contact.id, subject: "Your contract", color: true, createdById: userId, country: "BE" });
    expect(letter.credits).toBeGreaterThan(0n);
    expect(await accountCredits(accountId)).toEqual({ balance: 10_000n, held: 0n });
  });

  it("queued even without the credits, with the buy prompt saying what is short", async () => {
    const { companyId, userId, contact } = await companyWithContact(0n);
    session.userId = userId;
    const state = await sendLetterAction(null, formOf({ contactId: contact.id, ...LETTER }));
    expect(state).toMatchObject({ ok: true, data: { shortfall: { kind: "buy-credits", service: "Snailmail", available: "0" } } });
    expect(await lettersOf(companyId)).toMatchObject([{ state: "QUEUED" }]);
  });

  it("signed out, another company's user, a blank subject or body, an attachment that is not a PDF or a damaged one, or a contact without an address: no letter", async () => {
    const { companyId, userId, contact } = await companyWithContact(10_000n);
    const stranger = await companyWithContact(10_000n);
    const send = { contactId: contact.id, ...LETTER };
    expect(await sendLetterAction(null, formOf(send))).toMatchObject({ ok: false, code: "signed-out" });
    session.userId = stranger.userId;
    expect(await sendLetterAction(null, formOf(send))).toMatchObject({ ok: false, code: "refused", message: "This contact does not exist." });
    session.userId = userId;
    expect(await sendLetterAction(null, formOf({ ...send, subject: " ", body: " " }))).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { subject: ["Enter a subject."], body: ["Write the letter."] },
    });
    const notPdf = formOf({ ...send, mode: "document" });
    notPdf.set("document", new File(["just some notes"], "terms.pdf", { type: "application/pdf" }));
    expect(await sendLetterAction(null, notPdf)).toMatchObject({ ok: false, code: "refused", fieldErrors: { document: ["The file is not a PDF."] } });
    // A damaged PDF: pdf-lib loads it and fails only when the pages are read.
    const damaged = formOf({ ...send, mode: "document" });
    damaged.set("document", new File(["%PDF-1.7 cut short"], "terms.pdf", { type: "application/pdf" }));
    expect(await sendLetterAction(null, damaged)).toMatchObject({ ok: false, code: "refused", fieldErrors: { document: ["The file is not a readable PDF."] } });
    const homeless = await prisma().contact.create({ data: { companyId, name: "No Address" } });
    expect(await sendLetterAction(null, formOf({ ...send, contactId: homeless.id }))).toMatchObject({
      ok: false,
      code: "refused",
      message: expect.stringMatching(/^The contact's address cannot be posted to: /),
    });
    expect(await lettersOf(companyId)).toEqual([]);
    expect(await lettersOf(stranger.companyId)).toEqual([]);
  });
});

describe("quoteLetterAction", () => {
  it("prices the letter against the balance, queuing and charging nothing; another company's contact is not priced", async () => {
    const { companyId, userId, accountId, contact } = await companyWithContact(10_000n);
    session.userId = userId;
    const quote = await quoteLetterAction({ contactId: String(contact.id), ...LETTER });
    expect(quote).toMatchObject({ ok: true, data: { pages: 1, sheets: 1, enough: true } });

    const stranger = await companyWithContact(10_000n);
    session.userId = stranger.userId;
    expect(await quoteLetterAction({ contactId: String(contact.id), ...LETTER })).toMatchObject({ ok: false, code: "refused", message: "This contact does not exist." });
    expect(await lettersOf(companyId)).toEqual([]);
    expect(await accountCredits(accountId)).toEqual({ balance: 10_000n, held: 0n });
  });
});
