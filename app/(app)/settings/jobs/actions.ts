"use server";

import { z } from "zod";
import { AuthError, authorize } from "@/lib/auth/session";
import { discardFailedJob, retryFailedJob } from "@/lib/jobs/admin";

export interface JobActionState {
  ok: boolean;
  message: string;
}

const failedJobSchema = z.object({ id: z.string().regex(/^\d{1,18}$/, "Unknown job.") });

const MESSAGES = {
  retry: { done: "Queued again: it runs in a moment.", "not-found": "This failure was already retried or discarded.", "not-retryable": "This job cannot be retried; discard it." },
  discard: { done: "Discarded.", "not-found": "This failure was already retried or discarded.", "not-retryable": "This job cannot be retried; discard it." },
} as const;

async function act(kind: "retry" | "discard", formData: FormData): Promise<JobActionState> {
  try {
    const user = await authorize("ADMIN");
    const parsed = failedJobSchema.safeParse({ id: formData.get("id") });
    if (!parsed.success) return { ok: false, message: "Unknown job." };
    const outcome = kind === "retry" ? await retryFailedJob(user.companyId, parsed.data.id) : await discardFailedJob(user.companyId, parsed.data.id);
    return { ok: outcome === "done", message: MESSAGES[kind][outcome] };
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, message: error.message };
    throw error;
  }
}

/** Admins: a job of their company that failed for good runs again, with fresh attempts. */
export async function retryJobAction(_previous: JobActionState | null, formData: FormData): Promise<JobActionState> {
  return act("retry", formData);
}

/** Admins: a failure of their company leaves the list; what the job worked on keeps its recorded outcome. */
export async function discardJobAction(_previous: JobActionState | null, formData: FormData): Promise<JobActionState> {
  return act("discard", formData);
}
