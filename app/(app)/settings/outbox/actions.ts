"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AuthError, authorize } from "@/lib/auth/session";
import { retryEmail } from "@/lib/mail/delivery";
import { retryEmailSchema } from "@/lib/mail/schemas";

export interface RetryState {
  ok: boolean;
  message: string;
  fieldErrors?: Record<string, string[] | undefined>;
}

export async function retryEmailAction(_previous: RetryState | null, formData: FormData): Promise<RetryState> {
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
  switch (outcome.status) {
    case "sent":
      return { ok: true, message: "Sent." };
    case "not-delivered":
      return { ok: false, message: `${outcome.lastError}. The message stays here and goes out once it is set.` };
    case "failed":
      return { ok: false, message: `Sending failed: ${outcome.lastError ?? "unknown error"}. It will be retried automatically.` };
    case "queued":
      return { ok: true, message: "Queued: it goes out with the next background job run." };
    case "not-retriable":
      return { ok: false, message: "This e-mail was already sent, is being sent right now, or does not exist." };
  }
}
