import "server-only";
import type { z } from "zod";
import { closeDispute, openDispute, type ReversalOutcome } from "../reversals";
import type { HandlerOutcome } from "./outcome";
import { purchaseForPayment, type disputeSchema } from "./payment-objects";

type Dispute = z.infer<typeof disputeSchema>;

export function describeReversal(outcome: ReversalOutcome): string {
  switch (outcome.result) {
    case "unchanged":
      return `unchanged: ${outcome.why}`;
    case "frozen":
      return `froze ${outcome.frozen}, ${outcome.unrecovered} already used`;
    case "released":
      return `released ${outcome.released}`;
    case "taken back":
      return `took back ${outcome.taken}, ${outcome.unrecovered} already used`;
  }
}

// charge.dispute.created: the buyer's bank disputes the payment; its remaining credits are frozen.
export async function onDisputeCreated(dispute: Dispute): Promise<HandlerOutcome> {
  const purchase = await purchaseForPayment(dispute.payment_intent, dispute.metadata);
  if (!purchase) return { ignored: `dispute ${dispute.id} is about no purchase of ours` };
  return { result: describeReversal(await openDispute(purchase.id, dispute.id)), purchaseId: purchase.id };
}

// charge.dispute.closed: won (or a closed inquiry) gives the credits back; lost takes them.
export async function onDisputeClosed(dispute: Dispute): Promise<HandlerOutcome> {
  const purchase = await purchaseForPayment(dispute.payment_intent, dispute.metadata);
  if (!purchase) return { ignored: `dispute ${dispute.id} is about no purchase of ours` };
  if (!["won", "lost", "warning_closed"].includes(dispute.status)) return { ignored: `dispute ${dispute.id} closed as ${dispute.status}` };
  return { result: describeReversal(await closeDispute(purchase.id, dispute.id, dispute.status !== "lost")), purchaseId: purchase.id };
}
