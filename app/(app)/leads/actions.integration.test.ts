// "Convert to contact" on the Leads page as a direct POST would run it: only
// the session lookup is replaced; validation, the company scope of the lead
// and the conversion (a contact once, however often it is clicked) are real.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { formOf } from "@/tests/support/billing";
import { createCompany } from "@/tests/support/fixtures";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("@/lib/auth/session-token", () => ({ sessionUserId: async () => session.userId }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { convertLeadAction } = await import("./actions");

beforeEach(() => {
  session.userId = null;
});

async function withLead() {
  const ours = await createCompany();
  const lead = await prisma().lead.create({
    data: { companyId: ours.company.id, name: "Boulangerie Martin", country: "FR", postalCode: "75011", city: "Paris", industry: "Bakery", website: "https://martin.example", source: "gleif" },
  });
  const read = () => prisma().lead.findUniqueOrThrow({ where: { id: lead.id }, select: { status: true, contactId: true } });
  const contactsOf = (companyId: number) => prisma().contact.findMany({ where: { companyId }, select: { id: true, name: true, country: true, zip: true, city: true, isCompany: true } });
  return { ...ours, lead, read, contactsOf };
}

describe("convertLeadAction", () => {
  it("a user converts the lead: one company contact with its details, and clicking again makes no second one", async () => {
    const { company, user, lead, read, contactsOf } = await withLead();
    session.userId = user.id;
    expect(await convertLeadAction(null, formOf({ leadId: lead.id }))).toEqual({ ok: true, message: "Converted." });
    const contacts = await contactsOf(company.id);
    expect(contacts).toEqual([{ id: expect.any(Number), name: "Boulangerie Martin", country: "FR", zip: "75011", city: "Paris", isCompany: true }]);
    expect(await read()).toEqual({ status: "CONVERTED", contactId: contacts[0].id });

    expect(await convertLeadAction(null, formOf({ leadId: lead.id }))).toEqual({ ok: true, message: "Converted." });
    expect(await contactsOf(company.id)).toHaveLength(1);
  });

  it("signed out, or an admin of another company with this lead's id: refused, no contact anywhere", async () => {
    const { company, lead, read, contactsOf } = await withLead();
    expect(await convertLeadAction(null, formOf({ leadId: lead.id }))).toMatchObject({ ok: false, code: "signed-out" });
    const stranger = await createCompany();
    session.userId = stranger.admin.id;
    expect(await convertLeadAction(null, formOf({ leadId: lead.id }))).toMatchObject({ ok: false, code: "refused", message: "This lead does not exist (any more)." });
    expect(await read()).toEqual({ status: "NEW", contactId: null });
    expect(await contactsOf(company.id)).toEqual([]);
    expect(await contactsOf(stranger.company.id)).toEqual([]);
  });

  it("a lead id that is no id: the field's error, nothing converted", async () => {
    const { user, read, contactsOf, company } = await withLead();
    session.userId = user.id;
    expect(await convertLeadAction(null, formOf({ leadId: "first" }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { leadId: ["Unknown lead."] } });
    expect(await read()).toEqual({ status: "NEW", contactId: null });
    expect(await contactsOf(company.id)).toEqual([]);
  });
});
