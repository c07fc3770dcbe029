import "server-only";
import { env } from "@/lib/env";
import { deliverDueWebhooks } from "./delivery";

// The minimal in-process runner of webhook deliveries, one per app instance:
// every WEBHOOK_POLL_MS it sends what is due (an indexed look at
// webhook_delivery(state, next_attempt_at)). deliverDueWebhooks() is a plain
// function and safe on many instances at once; when the PostgreSQL job system
// (lib/jobs, issue #19) lands, it is registered there and this loop goes.

const state = globalThis as unknown as { webhookTimer?: NodeJS.Timeout; webhookRunning?: boolean };

export function startWebhookWorker() {
  const every = env().WEBHOOK_POLL_MS;
  if (state.webhookTimer || every === 0) return;
  const tick = async () => {
    if (state.webhookRunning) return;
    state.webhookRunning = true;
    try {
      const outcomes = await deliverDueWebhooks();
      const failed = outcomes.filter((outcome) => outcome.state !== "DELIVERED").length;
      if (failed) console.log(`[webhooks] ${outcomes.length - failed} delivered, ${failed} to retry or failed`);
    } catch (error) {
      console.error("[webhooks] delivery run failed:", error);
    } finally {
      state.webhookRunning = false;
    }
  };
  state.webhookTimer = setInterval(() => void tick(), every);
  state.webhookTimer.unref();
}
