import { handleStripeWebhook } from "@/lib/billing/webhook/dispatch";

// POST /api/stripe/webhook — the signature covers the exact bytes Stripe sent,
// so the body is read raw (text), never parsed and re-serialised first.
export async function POST(request: Request) {
  const { status, body } = await handleStripeWebhook(await request.text(), request.headers.get("stripe-signature"));
  return Response.json(body, { status });
}
