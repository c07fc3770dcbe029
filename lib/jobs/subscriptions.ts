import "server-only";
import { onCreditEvent, type CreditEvent } from "@/lib/iap/events";
import { enqueueJob } from "./enqueue";

// What the credits engine's events start (lib/iap/events.ts). Each event
// becomes jobs here, never work: a listener runs right after a debit commits,
// inside the request that made it.
//
// To start something else from a crossing (billing's auto top-up) or from an
// expired hold, add its job to lib/jobs/list.ts, its handler to
// lib/jobs/handlers.ts, and queue it below. A job key per account keeps a
// burst of events to one waiting job. (Outgoing webhooks need nothing here:
// `balance.low` is written by the low-credit check this event starts, in its
// transaction, `hold.expired` by a database trigger, and each delivery is a
// "webhooks.deliver" job queued by the webhook_delivery triggers.)

function jobsFor(event: CreditEvent): Promise<unknown>[] {
  switch (event.type) {
    case "balance.low":
      return [enqueueJob("credits.low-check", { accountId: event.accountId, companyId: event.companyId })];
    case "hold.expired":
      return [];
    // Auto top-up listens itself (lib/billing/auto-topup/subscription.ts): one
    // claim per account under its row lock, and "billing.auto-topup-check" is its sweep.
    case "balance.below-topup":
      return [];
  }
}

const state = globalThis as unknown as { jobSubscriptions?: () => void };

/** Once per process: in every app instance (instrumentation.ts), whether or not it runs jobs itself. */
export function registerJobSubscriptions(): void {
  state.jobSubscriptions ??= onCreditEvent((event) => Promise.all(jobsFor(event)));
}
