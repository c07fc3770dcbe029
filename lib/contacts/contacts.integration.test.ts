import { describe, expect, it } from "vitest";
import { createCompany } from "@/tests/support/fixtures";
import { contactIdsMatching, createContact, listContacts } from "./contacts";

const blank: Record<"email" | "phone" | "mobile" | "country" | "street" | "city" | "zip", string | null> = { email: null, phone: null, mobile: null, country: null, street: null, city: null, zip: null };

async function companyWithContacts(country: string) {
  const { company } = await createCompany({ country });
  const add = (name: string, fields: Partial<typeof blank> = {}) => createContact(company.id, { ...blank, name, ...fields });
  const contacts = {
    marie: await add("Marie Dupont", { mobile: "06 12 34 56 78", country: "FR" }),
    percent: await add("100% Organic", { email: "hello@organic.example" }),
    underscore: await add("snake_case Ltd"),
    plain: await add("Jan Peeters", { phone: "+32 470 12 34 56" }),
  };
  return { companyId: company.id, contacts };
}

const names = async (companyId: number, q: string) => (await listContacts(companyId, { q })).rows.map((row) => row.name);

describe("contact search", () => {
  it("takes % and _ literally instead of as wildcards", async () => {
    const { companyId } = await companyWithContacts("FR");
    expect(await names(companyId, "%")).toEqual(["100% Organic"]);
    expect(await names(companyId, "_")).toEqual(["snake_case Ltd"]);
    expect(await names(companyId, "e_c")).toEqual(["snake_case Ltd"]);
    expect(await names(companyId, "% o")).toEqual(["100% Organic"]);
  });

  it("finds a number however it is typed: national, spaced, international, with 00, or its start", async () => {
    const { companyId, contacts } = await companyWithContacts("FR");
    // Saved as "+33 6 12 34 56 78".
    for (const typed of ["0612345678", "06 12 34 56 78", "06.12.34.56.78", "+33612345678", "+33 6 12 34 56 78", "0033 6 12 34 56 78", "0612", "612345"]) {
      expect(await names(companyId, typed), typed).toEqual(["Marie Dupont"]);
    }
    expect(await names(companyId, "0470 12 34 56")).toEqual([]);
    expect(await names(companyId, "+32 470 123 456")).toEqual(["Jan Peeters"]);
    expect(await contactIdsMatching(companyId, "0612345678")).toEqual([contacts.marie.id]);
  });

  it("a Belgian company reads 0470… as +32 470…", async () => {
    const { companyId } = await companyWithContacts("BE");
    expect(await names(companyId, "0470 12 34 56")).toEqual(["Jan Peeters"]);
    expect(await names(companyId, "0612345678")).toEqual([]);
  });

  it("never finds another company's contacts", async () => {
    const first = await companyWithContacts("FR");
    const second = await companyWithContacts("FR");
    const found = await listContacts(second.companyId, { q: "Marie" });
    expect(found.rows.map((row) => row.id)).toEqual([second.contacts.marie.id]);
    expect(found.total).toBe(1);
    expect(first.contacts.marie.id).not.toBe(second.contacts.marie.id);
  });
});
