import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parsePhone } from "./phone";
import { CONTACTS_PAGE_SIZE, type ContactInput } from "./schemas";

export interface ContactRow {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  country: string | null;
}

const LIST_COLUMNS = { id: true, name: true, email: true, phone: true, mobile: true, country: true } as const;

function searchWhere(companyId: number, q: string): Prisma.ContactWhereInput {
  const where: Prisma.ContactWhereInput = { companyId };
  const text = q.trim();
  if (!text) return where;
  const digits = text.replace(/\D/g, "");
  const or: Prisma.ContactWhereInput[] = [
    { name: { contains: text, mode: "insensitive" } },
    { email: { contains: text, mode: "insensitive" } },
    { phone: { contains: text } },
    { mobile: { contains: text } },
  ];
  // "0612" also finds "06 12 34 56 78": match the digits whatever the spacing.
  if (digits.length >= 3 && digits !== text) or.push({ phone: { contains: digits } }, { mobile: { contains: digits } });
  return { ...where, OR: or };
}

/** A page of the company's contacts, by name, matching `q` on name, e-mail or number. */
export async function listContacts(companyId: number, options: { q?: string; page?: number; pageSize?: number } = {}) {
  const pageSize = options.pageSize ?? CONTACTS_PAGE_SIZE;
  const where = searchWhere(companyId, options.q ?? "");
  const total = await prisma().contact.count({ where });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, options.page ?? 1), pages);
  const rows: ContactRow[] = await prisma().contact.findMany({
    where,
    select: LIST_COLUMNS,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  return { rows, total, page, pages, pageSize };
}

/** Ids of every contact matching a search, for "select all" in mass actions (capped). */
export async function contactIdsMatching(companyId: number, q: string, limit = 50_000): Promise<number[]> {
  const rows = await prisma().contact.findMany({ where: searchWhere(companyId, q), select: { id: true }, orderBy: { id: "asc" }, take: limit });
  return rows.map((row) => row.id);
}

export async function getContact(companyId: number, id: number) {
  return prisma().contact.findFirst({ where: { id, companyId } });
}

export async function companyCountry(companyId: number): Promise<string> {
  const company = await prisma().company.findUniqueOrThrow({ where: { id: companyId }, select: { country: true } });
  return company.country;
}

/**
 * Numbers that parse are saved in international format ("+33 6 12 34 56 78");
 * the others are kept exactly as typed (the form warns, the SMS dialog blocks).
 */
async function withFormattedNumbers(companyId: number, input: ContactInput): Promise<ContactInput> {
  const countries = { contact: input.country, company: await companyCountry(companyId) };
  const format = (raw: string | null) => (raw ? (parsePhone(raw, countries)?.international ?? raw) : null);
  return { ...input, phone: format(input.phone), mobile: format(input.mobile) };
}

export async function createContact(companyId: number, input: ContactInput) {
  return prisma().contact.create({ data: { companyId, ...(await withFormattedNumbers(companyId, input)) } });
}

/** Returns null when the contact is not the company's. */
export async function updateContact(companyId: number, id: number, input: ContactInput) {
  const { count } = await prisma().contact.updateMany({ where: { id, companyId }, data: await withFormattedNumbers(companyId, input) });
  return count === 1 ? getContact(companyId, id) : null;
}
