// The error codes a refused sign-in comes back with from next-auth (its
// `error` value), shared by the server (lib/auth/sign-in.ts, the auth route)
// and the sign-in form, which says them in words.

/** "throttled:<seconds>": too many failures, wait that long (HTTP 429). */
export const THROTTLED_ERROR = "throttled";

/** The seconds to wait, from next-auth's `error` value, or null for another error. */
export function throttledRetryAfter(error: string | null | undefined): number | null {
  const match = error?.match(/^throttled:(\d+)$/);
  return match ? Number(match[1]) : null;
}
