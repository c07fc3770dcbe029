"use server";

import { z } from "zod";
import { action, ok, refuse } from "@/lib/actions/action";
import { discardFailedJob, retryFailedJob } from "@/lib/jobs/admin";

const failedJobSchema = z.object({ id: z.string().regex(/^\d{1,18}$/, "Unknown job.") });

const GONE = "This failure was already retried or discarded.";

/** Admins: a job of their company that failed for good runs again, with fresh attempts. */
export const retryJobAction = action({
  role: "ADMIN",
  input: failedJobSchema,
  async run({ user, input }) {
    const outcome = await retryFailedJob(user.companyId, input.id);
    if (outcome === "not-found") return refuse(GONE);
    if (outcome === "not-retryable") return refuse("This job cannot be retried; discard it.");
    return ok("Queued again: it runs in a moment.");
  },
});

/** Admins: a failure of their company leaves the list; what the job worked on keeps its recorded outcome. */
export const discardJobAction = action({
  role: "ADMIN",
  input: failedJobSchema,
  async run({ user, input }) {
    return (await discardFailedJob(user.companyId, input.id)) === "done" ? ok("Discarded.") : refuse(GONE);
  },
});
