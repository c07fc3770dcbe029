"use server";

import { z } from "zod";
import { actionsOf } from "@/lib/actions/row-action";
import { discardFailedJob, retryFailedJob } from "@/lib/jobs/admin";

const failedJobSchema = z.object({ id: z.string().regex(/^\d{1,18}$/, "jobs.unknownJob") });
const rows = actionsOf({ role: "ADMIN", messages: "jobs.results" });

/** Admins: a job of their company that failed for good runs again, with fresh attempts. */
export const retryJobAction = rows.directRowAction({
  input: failedJobSchema,
  run: ({ user, input }) => retryFailedJob(user.companyId, input.id),
  answers: { done: { ok: "queuedAgain" }, "not-found": { refuse: "gone" }, "not-retryable": { refuse: "notRetryable" } },
});

/** Admins: a failure of their company leaves the list; what the job worked on keeps its recorded outcome. */
export const discardJobAction = rows.directRowAction({
  input: failedJobSchema,
  run: ({ user, input }) => discardFailedJob(user.companyId, input.id),
  answers: { done: { ok: "discarded" }, "not-found": { refuse: "gone" }, "not-retryable": { refuse: "gone" } },
});
