"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AuthError, authorize } from "@/lib/auth/session";
import { updateCompanyDetails, type VatProblem } from "@/lib/settings/company-details";
import { companyDetailsSchema, type CompanyDetailsState } from "@/lib/settings/schemas";

const VAT_PROBLEMS: Record<VatProblem, string> = {
  vat_unknown_country: "Start the VAT number with its EU country code, such as BE0123456749 or FR40303265045.",
  vat_format: "This is not a valid VAT number for its country: check the digits after the country code.",
  vat_check_digits: "The check digits of this VAT number are wrong: check it for a typing error.",
  vat_not_registered: "VIES, the EU's VAT register, does not know this VAT number: check it, or leave the field empty.",
};

// POST from Settings → Company details.
export async function saveCompanyDetailsAction(_previous: CompanyDetailsState, formData: FormData): Promise<CompanyDetailsState> {
  let user;
  try {
    user = await authorize("ADMIN");
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, message: error.message, fieldErrors: {} };
    throw error;
  }
  const parsed = companyDetailsSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, message: "Nothing was saved: correct the fields marked in red.", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const result = await updateCompanyDetails(user.companyId, parsed.data);
  if (!result.ok) {
    const hint = result.problem === "vat_format" && result.message?.includes("Greek") ? ` ${result.message}` : "";
    return { ok: false, message: "Nothing was saved: correct the VAT number.", fieldErrors: { vatNumber: [VAT_PROBLEMS[result.problem] + hint] } };
  }
  revalidatePath("/settings", "layout");
  const vat = {
    none: "Saved.",
    verified: "Saved. VIES confirmed the VAT number.",
    format_only: "Saved. The VAT number's format is valid (VIES checks are not configured on this server).",
    vies_unavailable: `Saved. The VAT number's format is valid; VIES could not check it now (${result.ok && result.viesCode}).`,
  }[result.vat];
  return { ok: true, message: vat, fieldErrors: {} };
}
