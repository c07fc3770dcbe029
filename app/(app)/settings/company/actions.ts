"use server";

import { revalidatePath } from "next/cache";
import { formAction, ok, refuse } from "@/lib/actions/action";
import { updateCompanyDetails, type VatProblem } from "@/lib/settings/company-details";
import { companyDetailsSchema } from "@/lib/settings/schemas";

const VAT_PROBLEMS: Record<VatProblem, string> = {
  vat_unknown_country: "Start the VAT number with its EU country code, such as BE0123456749 or FR40303265045.",
  vat_format: "This is not a valid VAT number for its country: check the digits after the country code.",
  vat_check_digits: "The check digits of this VAT number are wrong: check it for a typing error.",
  vat_not_registered: "VIES, the EU's VAT register, does not know this VAT number: check it, or leave the field empty.",
};

// POST from Settings → Company details.
export const saveCompanyDetailsAction = formAction({
  role: "ADMIN",
  input: companyDetailsSchema,
  async run({ user, input }) {
    const result = await updateCompanyDetails(user.companyId, input);
    if (!result.ok) {
      const hint = result.message?.includes("Greek") ? ` ${result.message}` : "";
      return refuse("Nothing was saved: correct the VAT number.", { vatNumber: [VAT_PROBLEMS[result.problem] + hint] });
    }
    revalidatePath("/settings", "layout");
    switch (result.vat) {
      case "none":
        return ok("Saved.");
      case "verified":
        return ok("Saved. VIES confirmed the VAT number.");
      case "format_only":
        return ok("Saved. The VAT number's format is valid (VIES checks are not configured on this server).");
      case "vies_unavailable":
        return ok(`Saved. The VAT number's format is valid; VIES could not check it now (${result.viesCode}).`);
    }
  },
});
