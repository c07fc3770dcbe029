import { z } from "zod";
import { authorizeCron } from "@/lib/jobs/cron-auth";
import { runDueJobs } from "@/lib/jobs/cron-run";
import { scheduledJobs } from "@/lib/jobs/list";

// GET|POST /api/cron/run — for hosts whose instances sleep (serverless): runs
// every schedule that fell due and every queued job, for up to ~50 s
// (Authorization: Bearer <CRON_SECRET>). `?schedule=<name>` runs that
// scheduled job now as well (e.g. credits.low-sweep). vercel.json calls it.
// Its answers are for the scheduler and its logs, not a person's screen: they
// stay English, like the public API's error bodies.
export const maxDuration = 60;

const querySchema = z.object({
  schedule: z
    .string()
    // i18n-ignore: the cron API's English vocabulary, read by a scheduler's log
    .refine((name) => scheduledJobs().some((s) => s.name === name), { message: "not a scheduled job" })
    .optional(),
});

export async function GET(request: Request) {
  const auth = authorizeCron(request);
  if (!auth.ok) return Response.json({ error: auth.error }, { status: auth.status });
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    const names = scheduledJobs().map((s) => s.name).join(", ");
    return Response.json({ error: `Unknown schedule: use one of ${names}.` }, { status: 400 });
  }
  try {
    return Response.json(await runDueJobs({ budgetMs: 50_000, schedule: query.data.schedule as never }));
  } catch (error) {
    console.error("[cron] run failed:", error);
    return Response.json({ error: "The job run failed; see the server log." }, { status: 500 });
  }
}

export const POST = GET;
