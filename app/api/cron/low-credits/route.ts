import { runLowCreditsJob } from "@/lib/alerts/low-credits";
import { authorizeCron } from "@/lib/jobs/cron-auth";

// GET|POST /api/cron/low-credits — Vercel Cron (vercel.json) calls GET; the app's
// own scheduler runs the same job in-process (instrumentation.ts).
export async function GET(request: Request) {
  const auth = authorizeCron(request);
  if (!auth.ok) return Response.json({ error: auth.error }, { status: auth.status });
  try {
    return Response.json(await runLowCreditsJob());
  } catch (error) {
    console.error("[cron] low-credits failed:", error);
    return Response.json({ error: "The low-credit job failed; see the server log." }, { status: 500 });
  }
}

export const POST = GET;
