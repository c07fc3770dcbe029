"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { insufficientCreditsProps } from "@/components/insufficient-credits-notice";
import { authorizeAction } from "@/lib/auth/session";
import { generateLeads } from "@/lib/enrichment/leads";
import { generateLeadsSchema, type GenerateLeadsState } from "@/lib/enrichment/schemas";
import { formDataOf } from "@/lib/http/params";

export async function generateLeadsAction(_prev: GenerateLeadsState, formData: FormData): Promise<GenerateLeadsState> {
  formData = formDataOf(formData);
  const { user, error } = await authorizeAction("ANY");
  if (!user) return { ok: false, message: error };
  const parsed = generateLeadsSchema.safeParse({
    count: formData.get("count"),
    countries: formData.getAll("countries"),
    industries: formData.getAll("industries"),
    clientKey: formData.get("clientKey"),
  });
  if (!parsed.success) return { ok: false, message: "Check the highlighted fields.", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const result = await generateLeads({ ...parsed.data, companyId: user.companyId, userId: user.id });
  revalidatePath("/leads");
  if (result.status === "insufficient") {
    return { ok: false, message: "Not enough credits.", insufficient: insufficientCreditsProps(result.error, "for Lead Generation") };
  }
  redirect(`/leads?request=${result.requestId}`);
}
