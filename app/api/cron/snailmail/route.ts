import { authorizeCron } from "@/lib/jobs/cron-auth";
import { runLetterQueueOnce } from "@/lib/snailmail/queue";

// GET|POST /api/cron/snailmail — an external cron runs the letter queue
// (Authorization: Bearer <CRON_SECRET>); the app's scheduler calls runLetterQueueOnce() itself.
export async function GET(request: Request) {
  const auth = authorizeCron(request);
  if (!auth.ok) return Response.json({ error: auth.error }, { status: auth.status });
  try {
    return Response.json(await runLetterQueueOnce());
  } catch (error) {
    console.error("[cron] snailmail queue failed:", error);
    return Response.json({ error: "The letter queue failed; see the server log." }, { status: 500 });
  }
}

export const POST = GET;
