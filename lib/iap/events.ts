// What the credits engine tells the rest of the app, after the fact. lib/iap
// knows nothing about jobs, alerts, billing or webhooks: it emits these events
// once the statement that caused them has committed, and whoever cares
// subscribes (lib/jobs/subscriptions.ts turns each one into background jobs:
// the low-credit check, which also writes the `balance.low` webhook event;
// lib/billing/auto-topup/subscription.ts starts auto top-up).
//
// Delivery is in-process and best effort: a process that dies between the
// commit and its listeners loses the event, so every consumer also has a
// periodic sweep that finds what the event would have started (the low-credit
// sweep, the hold sweep, auto top-up's background check). Listeners must be quick and must not throw (errors
// are caught and logged): enqueue a job, don't do the work.

export type CreditEvent =
  | {
      /**
       * A debit or capture took the balance below the account's warning
       * threshold (Warn Me on), or Warn Me was saved while already below it.
       */
      type: "balance.low";
      accountId: number;
      companyId: number;
      service: string;
      /** Units, after the change. */
      balance: bigint;
      threshold: bigint;
    }
  | {
      /**
       * A debit or capture left the balance below the account's auto top-up
       * trigger (iap_account.auto_topup_below). Every such statement reports it;
       * the subscriber decides, under its own lock, whether a top-up starts.
       */
      type: "balance.below-topup";
      accountId: number;
      companyId: number;
      service: string;
      /** Units, after the change. */
      balance: bigint;
    }
  | {
      /** A pending hold ran past its expiry and its credits went back to the account. */
      type: "hold.expired";
      holdId: number;
      accountId: number;
      companyId: number;
    };

export type CreditEventType = CreditEvent["type"];
type Listener = (event: CreditEvent) => void | Promise<unknown>;

// On globalThis: Next's dev server reloads modules, and listeners registered
// at start-up must survive that.
const state = globalThis as unknown as { creditEventListeners?: Set<Listener> };
const listeners = (state.creditEventListeners ??= new Set());

/** Subscribes to every credit event; returns the unsubscribe function. */
export function onCreditEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitCreditEvent(event: CreditEvent): void {
  for (const listener of listeners) {
    try {
      const result = listener(event);
      if (result && typeof (result as Promise<unknown>).catch === "function") {
        (result as Promise<unknown>).catch((error) => console.error(`[iap] a ${event.type} listener failed:`, error));
      }
    } catch (error) {
      console.error(`[iap] a ${event.type} listener failed:`, error);
    }
  }
}
