import "server-only";
import { pool, prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { callingCode, parsePhone } from "./phone";
import { CONTACTS_PAGE_SIZE, type ContactInput } from "./schemas";

export interface ContactRow {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  country: string | null;
}

/** `text` for a LIKE pattern that matches it literally: "%" and "_" are not wildcards there. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * The digits a typed number can be stored under, beyond its own: "0612345678"
 * is "+33 6 12 34 56 78" in a French company ("33612345678" as digits), and
 * "0612" starts "33612…". Numbers typed with "00" or "+" already carry their
 * country code.
 */
function numberKeys(text: string, country: string): { contains: string[]; prefixes: string[] } {
  const digits = text.replace(/\D/g, "");
  if (digits.length < 3) return { contains: [], prefixes: [] };
  const contains = [digits];
  const prefixes: string[] = [];
  const parsed = parsePhone(text, { company: country });
  if (parsed) contains.push(parsed.e164.replace(/\D/g, ""));
  if (/^0[1-9]/.test(digits) && digits.length >= 4 && !/[+]/.test(text)) {
    const code = callingCode(country)?.slice(1);
    if (code) prefixes.push(code + digits.slice(1));
  }
  if (digits.startsWith("00")) prefixes.push(digits.slice(2));
  return { contains: [...new Set(contains)], prefixes };
}

/**
 * The WHERE clause of a contact search, scoped to the company: `q` in the
 * name, e-mail or either number as typed (taken literally), or as digits
 * however the number is spaced or prefixed.
 */
async function searchWhere(companyId: number, q: string): Promise<{ sql: string; params: unknown[] }> {
  const params: unknown[] = [companyId];
  const text = q.trim();
  if (!text) return { sql: "company_id = $1", params };
  const param = (value: unknown) => `$${params.push(value)}`;
  const like = param(`%${escapeLike(text)}%`);
  const or = [`name ILIKE ${like}`, `email ILIKE ${like}`, `phone ILIKE ${like}`, `mobile ILIKE ${like}`];
  const keys = numberKeys(text, await companyCountry(companyId));
  for (const digits of keys.contains) {
    const pattern = param(`%${digits}%`);
    or.push(`phone_digits LIKE ${pattern}`, `mobile_digits LIKE ${pattern}`);
  }
  for (const digits of keys.prefixes) {
    const pattern = param(`${digits}%`);
    or.push(`phone_digits LIKE ${pattern}`, `mobile_digits LIKE ${pattern}`);
  }
  return { sql: `company_id = $1 AND (${or.join(" OR ")})`, params };
}

/** A page of the company's contacts, by name, matching `q` on name, e-mail or number. */
export async function listContacts(companyId: number, options: { q?: string; page?: number; pageSize?: number } = {}) {
  const pageSize = options.pageSize ?? CONTACTS_PAGE_SIZE;
  const where = await searchWhere(companyId, options.q ?? "");
  const counted = await pool().query(`SELECT count(*)::int AS total FROM contact WHERE ${where.sql}`, where.params);
  const total = counted.rows[0].total as number;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, options.page ?? 1), pages);
  const { rows } = await pool().query(
    `SELECT id, name, email, phone, mobile, country FROM contact WHERE ${where.sql}
      ORDER BY name, id LIMIT ${pageSize | 0} OFFSET ${((page - 1) * pageSize) | 0}`,
    where.params,
  );
  const list: ContactRow[] = rows.map((row) => ({ ...row, country: row.country?.trim() ?? null }));
  return { rows: list, total, page, pages, pageSize };
}

/** Ids of every contact matching a search, for "select all" in mass actions (capped). */
export async function contactIdsMatching(companyId: number, q: string, limit = 50_000): Promise<number[]> {
  const where = await searchWhere(companyId, q);
  const { rows } = await pool().query(`SELECT id FROM contact WHERE ${where.sql} ORDER BY id LIMIT ${limit | 0}`, where.params);
  return rows.map((row) => row.id as number);
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
