import { handleTwilioWebhook } from "@/lib/sms/twilio-webhook";

// POST /api/sms/status — Twilio's delivery reports (StatusCallback), signature-checked.
export async function POST(request: Request) {
  const answer = await handleTwilioWebhook(request, "status");
  return new Response(answer.body, { status: answer.status, headers: { "Content-Type": answer.contentType } });
}
