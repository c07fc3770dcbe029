"use server";

import { formAction, ok, refuse } from "@/lib/actions/action";
import { updateCompanyDetails } from "@/lib/settings/company-details";
import { companyDetailsSchema } from "@/lib/settings/schemas";

// POST from Settings → Company details: the invoices' buyer, and the
// company's language and time zone (the whole app re-renders: users without
// their own read it in them).
export const saveCompanyDetailsAction = formAction({
  role: "ADMIN",
  input: companyDetailsSchema,
  messages: "company",
  // The company's language and time zone show on every page.
  revalidate: [["/", "layout"]],
  async run({ user, input, t }) {
    const result = await updateCompanyDetails(user.companyId, input);
    if (!result.ok) {
      // Greek VAT numbers start EL, not GR: lib/enrichment/vat says when it read one that way.
      const hint = result.hint ? ` ${t(`vatHints.${result.hint}`)}` : "";
      return refuse(t("correctVat"), { vatNumber: [t(`vat.${result.problem}`) + hint] });
    }
    switch (result.vat) {
      case "none":
        return ok(t("saved"));
      case "verified":
        return ok(t("savedVerified"));
      case "format_only":
        return ok(t("savedFormatOnly"));
      case "vies_unavailable":
        return ok(t("savedViesUnavailable", { code: result.viesCode ?? "" }));
    }
  },
});
