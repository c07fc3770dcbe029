import "server-only";
import { limit, type LimitResult } from "@/lib/http/rate-limit";
import { AccountError, type AccountErrorCode } from "./errors";

// The account flows' throttles (lib/http/rate-limit.ts, counted in PostgreSQL):
//   "Forgot password?"   5 an hour from one client address, and 5 an hour for
//                        one e-mail address from anywhere (whether or not it has
//                        an account, so the refusal tells nothing about it);
//                        an unknown address (lib/http/client-address.ts) is not
//                        counted by address: every such request would share one count.
//   invitations          30 an hour per company, first sending and resending alike.
// Over a limit: an AccountError ("reset-throttled" / "invitation-throttled")
// with `retryAfterSeconds` in its details; nothing else was done.

function throwIfOver(code: AccountErrorCode, results: LimitResult[]): void {
  const waits = results.flatMap((result) => (result.ok ? [] : [result.retryAfterSeconds]));
  if (waits.length > 0) throw new AccountError(code, { retryAfterSeconds: Math.max(...waits) });
}

export async function countPasswordResetRequest(email: string, address: string | null): Promise<void> {
  throwIfOver(
    "reset-throttled",
    await Promise.all([limit("password-reset", `email:${email}`), ...(address ? [limit("password-reset", `address:${address}`)] : [])]),
  );
}

export async function countInvitation(companyId: number): Promise<void> {
  throwIfOver("invitation-throttled", [await limit("invitation", `company:${companyId}`)]);
}
