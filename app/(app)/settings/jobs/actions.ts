"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { action, ok, refuse } from "@/lib/actions/action";
import { discardFailedJob, retryFailedJob } from "@/lib/jobs/admin";

const failedJobSchema = z.object({ id: z.string().regex(/^\d{1,18}$/, "jobs.unknownJob") });

/** Admins: a job of their company that failed for good runs again, with fresh attempts. */
export const retryJobAction = action({
  role: "ADMIN",
  input: failedJobSchema,
  async run({ user, input }) {
    const t = await getTranslations("jobs.results");
    const outcome = await retryFailedJob(user.companyId, input.id);
    if (outcome === "not-found") return refuse(t("gone"));
    if (outcome === "not-retryable") return refuse(t("notRetryable"));
    return ok(t("queuedAgain"));
  },
});

/** Admins: a failure of their company leaves the list; what the job worked on keeps its recorded outcome. */
export const discardJobAction = action({
  role: "ADMIN",
  input: failedJobSchema,
  async run({ user, input }) {
    const t = await getTranslations("jobs.results");
    return (await discardFailedJob(user.companyId, input.id)) === "done" ? ok(t("discarded")) : refuse(t("gone"));
  },
});
