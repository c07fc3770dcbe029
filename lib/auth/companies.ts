import "server-only";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { AccountError } from "./errors";
import { hashPassword } from "./password";
import type { SetupInput } from "./schemas";

// Company set-up: the first company of a database (from "Set up your
// company"), and further ones when SIGNUP=open ("Create a company"). Each
// company is a tenant of its own: every query of every slice is scoped by
// company_id, so nothing else is needed to keep two companies apart.

// An arbitrary constant: "company set-up" advisory lock. Two set-ups of the
// first company at once must not both succeed.
const SETUP_LOCK = 7_417_714;

const state = globalThis as unknown as { companyExists?: boolean };

/** Whether the database has a company yet. Once true it stays true for the process (companies are not deleted). */
export async function hasCompany(): Promise<boolean> {
  if (state.companyExists) return true;
  const found = (await prisma().company.findFirst({ select: { id: true } })) !== null;
  if (found) state.companyExists = true;
  return found;
}

/** Whether a visitor may create a company now: the first one always, others only with SIGNUP=open. */
export async function canCreateCompany(): Promise<boolean> {
  return env().SIGNUP === "open" || !(await hasCompany());
}

export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  return code === "P2002" || code === "23505";
}

/**
 * Creates a company and its first administrator (active, with the password
 * they chose), in one transaction. Throws AccountError "signup-closed" when a
 * company exists and SIGNUP is not "open", "email-taken" when the e-mail has
 * an account already.
 */
/** `locale`: the founding administrator's browser language, the company's language from then on. */
export async function createCompanyWithAdmin(input: SetupInput, locale: Locale = DEFAULT_LOCALE): Promise<{ companyId: number; userId: number; email: string }> {
  const config = env();
  const passwordHash = await hashPassword(input.password);
  try {
    const created = await prisma().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK}::int, 0)`;
      if (config.SIGNUP !== "open" && (await tx.company.count()) > 0) throw new AccountError("signup-closed");
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw new AccountError("email-taken");
      const company = await tx.company.create({
        // Free trial credits are for demo databases; a real company buys its own.
        data: { name: input.companyName, country: input.country, currency: input.currency, trialEligible: config.DEMO, locale },
      });
      const user = await tx.user.create({
        data: { companyId: company.id, email: input.email, name: input.name, passwordHash, role: "ADMIN", status: "ACTIVE" },
      });
      return { companyId: company.id, userId: user.id, email: user.email };
    });
    state.companyExists = true;
    return created;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AccountError("email-taken");
    throw error;
  }
}
