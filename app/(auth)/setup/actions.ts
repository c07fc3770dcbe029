"use server";

import { z } from "zod";
import { createCompanyWithAdmin } from "@/lib/auth/companies";
import { AccountError } from "@/lib/auth/errors";
import { setupSchema, type AuthFormState } from "@/lib/auth/schemas";
import { ACCOUNT_ERROR_FIELDS, ACCOUNT_ERRORS } from "@/components/account-errors";

// "Set up your company" / "Create a company": no session yet. Who may create a
// company (the first one, or anyone with SIGNUP=open) is decided by
// createCompanyWithAdmin, under a lock, so two set-ups racing for the first
// company cannot both succeed.
export async function setupCompanyAction(formData: FormData): Promise<AuthFormState & { email?: string }> {
  const parsed = setupSchema.safeParse(Object.fromEntries(["companyName", "country", "currency", "name", "email", "password"].map((key) => [key, formData.get(key) ?? ""])));
  if (!parsed.success) return { ok: false, message: "Check the highlighted fields.", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    const { email } = await createCompanyWithAdmin(parsed.data);
    return { ok: true, message: "", email };
  } catch (error) {
    if (!(error instanceof AccountError)) throw error;
    const field = ACCOUNT_ERROR_FIELDS[error.code];
    return { ok: false, message: ACCOUNT_ERRORS[error.code], fieldErrors: field ? { [field]: [ACCOUNT_ERRORS[error.code]] } : undefined };
  }
}
