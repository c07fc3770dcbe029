import { AppError, type ErrorDetails, type ErrorKind } from "@/lib/errors";

// Why an account operation was refused, as a code: the pages and actions turn
// it into words. Nothing was changed when one of these is thrown.
export type AccountErrorCode =
  /** SIGNUP is not "open" and a company exists already. */
  | "signup-closed"
  | "email-taken"
  /** The user is not one of the caller's company (or does not exist). */
  | "user-not-found"
  /** The change would leave the company without an active administrator. */
  | "last-admin"
  /** An administrator cannot deactivate their own account. */
  | "self-deactivation"
  | "not-invited"
  | "not-deactivated"
  | "wrong-password"
  /** An invitation or reset link that is unknown, used, expired, or whose user cannot use it any more. */
  | "link-invalid"
  /** Too many "Forgot password?" requests from this address or for this e-mail (details: retryAfterSeconds). */
  | "reset-throttled"
  /** Too many invitations sent by this company (details: retryAfterSeconds). */
  | "invitation-throttled";

const KINDS: Record<AccountErrorCode, ErrorKind> = {
  "signup-closed": "forbidden",
  "email-taken": "conflict",
  "user-not-found": "not-found",
  "last-admin": "conflict",
  "self-deactivation": "conflict",
  "not-invited": "conflict",
  "not-deactivated": "conflict",
  "wrong-password": "invalid",
  "link-invalid": "not-found",
  "reset-throttled": "unavailable",
  "invitation-throttled": "unavailable",
};

export class AccountError extends AppError<AccountErrorCode> {
  readonly name = "AccountError";
  constructor(code: AccountErrorCode, details?: ErrorDetails) {
    super(code, KINDS[code], details);
  }
}
