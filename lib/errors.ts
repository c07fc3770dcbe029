// Errors as codes (documenso's AppError, dub's code → HTTP status): domain code
// throws or returns a code saying what went wrong, with the data a message
// needs; the UI turns codes into words (a small mapping module beside the
// pages of each slice), the HTTP routes into a status. So lib/ holds no
// user-facing sentence, and localisation translates codes, not prose.
//
// An error's `message` is for logs and developers: the code and its details.

/** What kind of failure a code is: decides the HTTP status and whether retrying can help. */
export type ErrorKind = "invalid" | "not-found" | "forbidden" | "conflict" | "payment-required" | "unavailable" | "internal";

const HTTP_STATUS: Record<ErrorKind, number> = {
  invalid: 422,
  "not-found": 404,
  forbidden: 403,
  conflict: 409,
  "payment-required": 402,
  unavailable: 503,
  internal: 500,
};

/** Values a message may interpolate: plain data, so an error can cross to a client component. */
export type ErrorDetails = Readonly<Record<string, string | number | boolean | null>>;

export class AppError<Code extends string = string> extends Error {
  readonly name: string = "AppError";
  constructor(
    readonly code: Code,
    readonly kind: ErrorKind,
    readonly details: ErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(Object.keys(details).length > 0 ? `${code} ${JSON.stringify(details)}` : code, options);
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.kind];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** The HTTP status for any error: an AppError's kind, else 500. */
export function httpStatusOf(error: unknown): number {
  return isAppError(error) ? error.httpStatus : 500;
}

/**
 * Whether `attempt` runs without throwing, for checks whose only answer is a
 * parser's exception (decodeURIComponent, Intl's time zones, the e-invoice
 * reader): the caller wants yes or no, not the reason.
 */
export function succeeds(attempt: () => unknown): boolean {
  try {
    attempt();
    return true;
  } catch {
    return false;
  }
}
