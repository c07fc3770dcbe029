import "server-only";
import { onCreditEvent, type CreditEvent } from "@/lib/iap/events";
import { enqueueJob } from "./enqueue";

// What the credits engine's events start (lib/iap/events.ts). Each event
// becomes jobs here, never work: a listener runs right after a debit commits,
// inside the request that made it.
//
// To start something else from a crossing (billing's auto top-up, the public
// API's `balance.low` webhook) or from an expired hold (`hold.expired`), add
// its job to lib/jobs/list.ts, its handler to lib/jobs/handlers.ts, and queue
// it below. A job key per account keeps a burst of events to one waiting job.

function jobsFor(event: CreditEvent): Promise<unknown>[] {
  switch (event.type) {
    case "balance.low":
      return [enqueueJob("credits.low-check", { accountId: event.accountId, companyId: event.companyId })];
    case "hold.expired":
      return [];
  }
}

const state = globalThis as unknown as { jobSubscriptions?: () => void };

/** Once per process: in every app instance (instrumentation.ts), whether or not it runs jobs itself. */
export function registerJobSubscriptions(): void {
  state.jobSubscriptions ??= onCreditEvent((event) => Promise.all(jobsFor(event)));
}
