// The words for lib/auth's refusal codes, shared by the set-up, users,
// invitation, reset and profile actions (server-side only: it builds their
// refusals with lib/actions).
import "server-only";
import { refuse, type ActionResult } from "@/lib/actions/action";
import { AccountError, type AccountErrorCode } from "@/lib/auth/errors";
import { retryAfterMinutes } from "@/lib/http/rate-limit";
import type { DeliveryNow } from "@/lib/mail/deliver-now";

const ACCOUNT_ERRORS: Record<AccountErrorCode, string> = {
  "signup-closed": "A company is already set up on this server. Sign in, or ask an administrator of your company to invite you.",
  "email-taken": "This e-mail address already has an account. Use another address, or sign in with it.",
  "user-not-found": "This user is not one of your company's users (it may have been removed). Reload the page.",
  "last-admin": "Your company must keep at least one active administrator: make another user an administrator first.",
  "self-deactivation": "You cannot deactivate your own account. Ask another administrator to do it.",
  "not-invited": "This user has already accepted the invitation: there is nothing to resend.",
  "not-deactivated": "This user is already active.",
  "wrong-password": "Your current password is not right. Type it again.",
  "link-invalid": "This link has expired or was already used. Ask for a new one.",
  "reset-throttled": "Too many password reset requests from your network or for this address.",
  "invitation-throttled": "Your company has sent too many invitations in the last hour.",
};

/** "Try again in 1 minute." / "Try again in 25 minutes." for a throttled refusal's retryAfterSeconds. */
function tryAgainIn(retryAfterSeconds: unknown): string {
  const minutes = retryAfterMinutes(typeof retryAfterSeconds === "number" ? retryAfterSeconds : 60);
  return `Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}

/** Which form field a refusal belongs to, when it is about one. */
const ACCOUNT_ERROR_FIELDS: Partial<Record<AccountErrorCode, string>> = {
  "email-taken": "email",
  "wrong-password": "currentPassword",
};

/**
 * Runs an action's lib/auth call and turns an AccountError (nothing was
 * changed) into its refusal: the words beside the field it is about, or as the
 * form's message. Any other error goes on to the action wrapper.
 */
export async function refusingAccountErrors<T>(work: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AccountError)) throw error;
    const throttled = error.code === "reset-throttled" || error.code === "invitation-throttled";
    const words = throttled ? `${ACCOUNT_ERRORS[error.code]} ${tryAgainIn(error.details.retryAfterSeconds)}` : ACCOUNT_ERRORS[error.code];
    const field = ACCOUNT_ERROR_FIELDS[error.code];
    return field ? refuse("Nothing was changed: correct the field marked in red.", { [field]: [words] }) : refuse(words);
  }
}

export const DELIVERY_NOTES: Record<DeliveryNow, string> = {
  sent: "The e-mail is on its way.",
  "not-delivered": "No mail server is configured (SMTP_URL), so the e-mail waits in Settings → Outgoing E-mails.",
  retrying: "The mail server could not be reached: the e-mail waits in Settings → Outgoing E-mails and is retried automatically.",
};
