// The events outgoing webhooks carry, and the shape of each (zod, so the
// OpenAPI document's `webhooks` section is generated from the same schemas).
// Plain module: the settings pages and the document import it.
import { z } from "zod";
import { accountResource, holdResource, purchaseResource } from "@/lib/events/resources";

export const WEBHOOK_EVENT_TYPES = ["balance.low", "balance.empty", "purchase.completed", "purchase.refunded", "topup.failed", "hold.expired"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_DATA = {
  "balance.low": z.object({ account: accountResource }),
  "balance.empty": z.object({ account: accountResource }),
  "purchase.completed": z.object({ purchase: purchaseResource, account: accountResource }),
  "purchase.refunded": z.object({ purchase: purchaseResource, account: accountResource }),
  "topup.failed": z.object({ purchase: purchaseResource }),
  "hold.expired": z.object({ hold: holdResource }),
} satisfies Record<WebhookEventType, z.ZodType>;

export type WebhookEventData<T extends WebhookEventType> = z.input<(typeof WEBHOOK_EVENT_DATA)[T]>;

/** What each event means, for the settings page and the document. */
export const WEBHOOK_EVENT_DESCRIPTIONS: Record<WebhookEventType, string> = {
  "balance.low": "An account fell below its low-credit threshold (Warn Me). Once per crossing.",
  "balance.empty": "An account reached 0 credits.",
  "purchase.completed": "A credit pack was paid and its credits added.",
  "purchase.refunded": "A paid purchase was refunded and its credits taken back.",
  "topup.failed": "An automatic top-up could not be paid.",
  "hold.expired": "A hold was neither captured nor released in time, and its credits were freed.",
};

/** The body of every delivery: the same envelope whatever the event. */
export function webhookEnvelope<T extends WebhookEventType>(type: T) {
  return z
    .object({
      id: z.uuid().meta({ description: "The event's id: the same in every retry and re-send (deduplicate on it)." }),
      type: z.literal(type),
      created_at: z.iso.datetime(),
      data: WEBHOOK_EVENT_DATA[type],
    })
    .meta({ id: `Event_${type.replace(".", "_")}`, description: WEBHOOK_EVENT_DESCRIPTIONS[type] });
}
