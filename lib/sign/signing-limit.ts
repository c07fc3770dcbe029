import "server-only";
import { clientAddress } from "@/lib/http/client-address";
import { limit, type LimitResult } from "@/lib/http/rate-limit";

/**
 * One use of the anonymous signing pages (the page, its document, its
 * actions) by the calling address, counted against the "signing-page" limit.
 * A link's token is unguessable; the limit keeps anyone from hammering or
 * scanning the pages that need no account.
 */
export function countSigningPageUse(headers: Headers): Promise<LimitResult> {
  return limit("signing-page", clientAddress(headers) ?? "unknown");
}
