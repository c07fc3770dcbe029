// What a webhook handler did with an event, echoed in the response (visible in
// Stripe's dashboard). Its own file: dispatch.ts imports the handlers, so the
// handlers cannot import their result type from it.
export type HandlerOutcome = { result: string; purchaseId?: number } | { ignored: string };
