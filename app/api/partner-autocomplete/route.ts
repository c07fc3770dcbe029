// GET /api/partner-autocomplete?q=… — Partner Autocomplete's suggestions (free).
// A GET route rather than a server action: the form fetches as the user types,
// and server actions run one at a time per client.
import { NextResponse, type NextRequest } from "next/server";
import { authRefusalText } from "@/lib/auth/caller-route";
import { checkCaller, AuthError } from "@/lib/auth/session";
import { suggestCompanies } from "@/lib/enrichment/autocomplete";
import { translatorFor } from "@/lib/i18n/catalogue";
import { limit } from "@/lib/http/rate-limit";

export async function GET(request: NextRequest) {
  let user;
  try {
    user = await checkCaller("ANY");
  } catch (error) {
    if (error instanceof AuthError) return NextResponse.json({ error: await authRefusalText(error) }, { status: error.status });
    throw error;
  }
  const allowed = await limit("autocomplete", `user:${user.id}`);
  if (!allowed.ok) {
    return NextResponse.json(
      { error: translatorFor(user.locale ?? "en", "contacts.autocompleteNotes")("tooMany", { seconds: allowed.retryAfterSeconds }) },
      { status: 429, headers: { "Retry-After": String(allowed.retryAfterSeconds) } },
    );
  }
  const q = (request.nextUrl.searchParams.get("q") ?? "").slice(0, 100);
  return NextResponse.json(await suggestCompanies(q), { headers: { "Cache-Control": "private, no-store" } });
}
