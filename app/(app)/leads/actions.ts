"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizeAction } from "@/lib/auth/session";
import { convertLead } from "@/lib/enrichment/leads";
import { MAX_ID } from "@/lib/http/params";

/** One click: the lead becomes a contact. Bound to the lead's id in the list. */
export async function convertLeadAction(leadId: number): Promise<void> {
  const { user } = await authorizeAction("ANY");
  if (!user) return;
  const id = z.number().int().positive().max(MAX_ID).safeParse(leadId);
  if (!id.success) return;
  await convertLead(user.companyId, id.data, user.id);
  revalidatePath("/leads");
  revalidatePath("/contacts");
}
