import "server-only";
import { onCreditEvent } from "@/lib/iap/events";
import { triggerAutoTopup } from "./run";

// A debit or capture below the auto top-up threshold (lib/iap/events.ts)
// starts the top-up check right after it commits, in the background of the
// request that made it: the debit itself never waits for a payment.
const state = globalThis as unknown as { autoTopupSubscription?: () => void };

/** Once per process (instrumentation.ts; tests that exercise the trigger). */
export function registerAutoTopup(): void {
  state.autoTopupSubscription ??= onCreditEvent((event) => {
    if (event.type === "balance.below-topup") void triggerAutoTopup(event.accountId).catch((error) => console.error(`Auto top-up of account ${event.accountId} failed:`, error));
  });
}
