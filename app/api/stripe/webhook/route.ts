import { handleStripeWebhook } from "@/lib/billing/webhook/dispatch";
import { BODY_LIMIT_FILE, BodyTooLargeError, bodyTooLargeResponse, readBodyWithin } from "@/lib/http/body-limit";

// POST /api/stripe/webhook — the signature covers the exact bytes Stripe sent,
// so the body is read raw (text), never parsed and re-serialised first. Anyone
// can post here: the body is read only up to its limit.
export async function POST(request: Request) {
  let rawBody: string;
  try {
    rawBody = new TextDecoder().decode(await readBodyWithin(request, BODY_LIMIT_FILE));
  } catch (error) {
    if (error instanceof BodyTooLargeError) return bodyTooLargeResponse(error.limit);
    throw error;
  }
  const { status, body } = await handleStripeWebhook(rawBody, request.headers.get("stripe-signature"));
  return Response.json(body, { status });
}
