import { handleTwilioWebhook } from "@/lib/sms/twilio-webhook";

// POST /api/sms/inbound — replies to our SMS (Twilio's incoming-message webhook): STOP / START, signature-checked.
export async function POST(request: Request) {
  const answer = await handleTwilioWebhook(request, "inbound");
  return new Response(answer.body, { status: answer.status, headers: { "Content-Type": answer.contentType } });
}
