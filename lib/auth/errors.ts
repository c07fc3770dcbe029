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
  | "link-invalid";

export class AccountError extends Error {
  readonly name = "AccountError";
  constructor(readonly code: AccountErrorCode) {
    super(code);
  }
}
