import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

// Cron routes (app/api/cron/*) are public URLs that do work: they run only for
// a caller presenting `Authorization: Bearer <CRON_SECRET>` — what Vercel Cron
// sends when CRON_SECRET is set — in every environment.

export type CronAuth = { ok: true } | { ok: false; status: 401 | 503; error: string };

function digest(value: string) {
  return createHash("sha256").update(value).digest();
}

export function authorizeCron(request: Request): CronAuth {
  const secret = env().CRON_SECRET;
  if (!secret) {
    return {
      ok: false,
      status: 503,
      error: "Scheduled jobs over HTTP are disabled: set CRON_SECRET and call this URL with the header Authorization: Bearer <CRON_SECRET>.",
    };
  }
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  // Compare digests in constant time: the secret's length and prefix stay hidden.
  if (!match || !timingSafeEqual(digest(match[1]), digest(secret))) {
    return { ok: false, status: 401, error: "Missing or wrong cron secret: send Authorization: Bearer <CRON_SECRET>." };
  }
  return { ok: true };
}
