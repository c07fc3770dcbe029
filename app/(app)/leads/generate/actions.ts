"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/action";
import { generateLeads } from "@/lib/enrichment/leads";
import { generateLeadsSchema } from "@/lib/enrichment/schemas";

export const generateLeadsAction = formAction({
  role: "ANY",
  input: generateLeadsSchema,
  attempt: "generateLeads",
  async run({ user, input }) {
    const result = await generateLeads({ ...input, companyId: user.companyId, userId: user.id });
    revalidatePath("/leads");
    // The form's "Generate N instead" reads the balance from the page: refreshed with the refusal.
    revalidatePath("/leads/generate");
    if (result.status === "insufficient") throw result.error;
    redirect(`/leads?request=${result.requestId}`);
  },
});
