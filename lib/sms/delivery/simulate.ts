import "server-only";
import { recordDeliveryReport, type DeliveryReport } from "./record-report";

// The test gateway's delivery reports, so the whole flow (Delivered in the
// chatter, a failure refunded or not) can be seen without Twilio. They go
// through recordDeliveryReport, the code path of Twilio's status callbacks.
//
//   number ending in 0000 → failed, 30003 "unreachable" (the recipient's number: charged)
//   number ending in 9999 → failed, 30008 "carrier error" (refunded)
//   any other number      → delivered
//
// Runs in this process on a timer, not as a job: it is the test gateway's
// stand-in for a carrier, and a restart losing a pending report leaves the
// message "Sent", as a carrier that never reports would.

export function simulatedOutcome(to: string): Omit<DeliveryReport, "gatewayId"> {
  if (to.endsWith("0000")) return { status: "undelivered", errorCode: 30003 };
  if (to.endsWith("9999")) return { status: "failed", errorCode: 30008 };
  return { status: "delivered", errorCode: null };
}

/** "sent", then the final report. A report about a message not recorded yet (its send still committing) is tried again shortly. */
export async function simulateReports(gatewayId: string, to: string, stepMs: number): Promise<void> {
  for (const report of [{ status: "sent", errorCode: null }, simulatedOutcome(to)]) {
    for (let attempt = 0; attempt < 10; attempt++) {
      await sleep(stepMs);
      const outcome = await recordDeliveryReport({ gatewayId, ...report });
      if (outcome.status !== "unknown") break;
    }
  }
}

export function scheduleSimulatedReports(gatewayId: string, to: string, stepMs: number): void {
  simulateReports(gatewayId, to, stepMs).catch((error) => console.error(`[sms] simulated delivery report for ${gatewayId} failed`, error));
}

function sleep(ms: number) {
  return new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
}
