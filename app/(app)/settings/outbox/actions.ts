"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AuthError, authorize } from "@/lib/auth/session";
import { retryEmail } from "@/lib/mail/delivery";
import { retryEmailSchema } from "@/lib/mail/schemas";
import { formDataOf } from "@/lib/http/params";

export interface RetryState {
  ok: boolean;
  message: string;
  fieldErrors?: Record<string, string[] | undefined>;
}

export async function retryEmailAction(_previous: RetryState | null, formData: FormData): Promise<RetryState> {
  formData = formDataOf(formData);
  let user;
  try {
    user = await authorize("ADMIN");
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, message: error.message };
    throw error;
  }
  const parsed = retryEmailSchema.safeParse({ id: formData.get("id") });
  if (!parsed.success) return { ok: false, message: "Unknown e-mail.", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const outcome = await retryEmail(user.companyId, parsed.data.id);
  revalidatePath("/settings/outbox");
  revalidatePath(`/settings/outbox/${parsed.data.id}`);
  return { ok: outcome.ok, message: outcome.message };
}
