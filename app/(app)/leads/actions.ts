"use server";

import { z } from "zod";
import { formAction, ok, refuse } from "@/lib/actions/action";
import { convertLead, LeadConvertedMeanwhileError } from "@/lib/enrichment/leads";
import { idField } from "@/lib/http/params";

/** One click: the lead becomes a contact (once, however often it is clicked). */
export const convertLeadAction = formAction({
  role: "ANY",
  input: z.object({ leadId: idField("leads.unknownLead") }),
  messages: "leads.convert",
  revalidate: ["/leads", "/contacts"],
  async run({ user, input, t }) {
    const converted = await convertLead(user.companyId, input.leadId, user.id).catch((error: unknown) => {
      if (error instanceof LeadConvertedMeanwhileError) return error;
      throw error;
    });
    if (converted instanceof LeadConvertedMeanwhileError) return refuse(t("convertedMeanwhile"));
    if (!converted) return refuse(t("notFound"));
    return ok(t("done"));
  },
});
