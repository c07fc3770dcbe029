import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { runLetterQueueOnce } from "@/lib/snailmail/queue";

// POST /api/cron/snailmail — an external scheduler runs the letter queue.
// Requires `Authorization: Bearer $CRON_SECRET` in every environment.
export async function POST(request: Request) {
  const secret = env().CRON_SECRET;
  if (!secret) return Response.json({ error: "CRON_SECRET is not set: the cron route is disabled." }, { status: 503 });
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${secret}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return Response.json({ error: "Unauthorized" }, { status: 401 });
  return Response.json(await runLetterQueueOnce());
}
