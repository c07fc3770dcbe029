// One interface for every postal provider. A provider either accepts a letter
// (returns its ids), refuses it for good (ProviderRefusedError: the letter goes
// to Error and its hold is released), or is unavailable for now
// (ProviderUnavailableError: the letter stays queued and is retried later).
// An attempt whose answer never came (a timeout, a 5xx, a 409 "still being
// processed") may still have created the letter: before trying again with the
// same request key, the queue asks the provider with find(key).
import type { PostalAddress } from "../address";
import type { PrintProblem } from "../render";

export interface OutgoingLetter {
  id: number;
  pdf: Uint8Array;
  color: boolean;
  duplex: boolean;
  pages: number;
  address: PostalAddress & { country: string };
  /** Same value for every attempt until an outcome is recorded, so the provider posts it once. */
  idempotencyKey: string;
}

export interface Acceptance {
  providerId: string;
  trackingId: string | null;
}

export interface PostalProvider {
  readonly name: "test" | "pingen";
  /** Shown on the Letters and compose pages. */
  readonly label: string;
  readonly posts: boolean;
  send(letter: OutgoingLetter): Promise<Acceptance>;
  /** The letter an earlier attempt with this request key created, or null if none did. Throws ProviderUnavailableError when it cannot tell. */
  find(requestKey: string): Promise<Acceptance | null>;
}

/**
 * What our own code found wrong, as a code the Letters pages word in the
 * reader's language (messages/<locale>/letters.json "provider"). An error
 * without one carries the provider's own words (Pingen's JSON:API errors),
 * which are shown as the provider wrote them: we cannot translate them.
 */
export type ProviderProblem =
  /** The test post office's print check refused the PDF. */
  | { code: "printCheck"; problem: PrintProblem }
  | { code: "credentialsRefused"; params: { status: number } }
  | { code: "signInFailed"; params: { status: number } }
  | { code: "noAccessToken" }
  | { code: "noUploadUrl" }
  | { code: "noLetterId" }
  /** Not a provider error at all: a bug of ours, logged with its stack. */
  | { code: "unexpected" }
  | { code: "unreachable" }
  | { code: "httpStatus"; params: { status: number } };

export class ProviderRefusedError extends Error {
  readonly name = "ProviderRefusedError";
  constructor(
    /** For logs (and for the pages when there is no problem: the provider's own words). */
    message: string,
    /** FORMAT_ERROR when the document itself was refused; PROVIDER_ERROR otherwise. */
    readonly code: "FORMAT_ERROR" | "PROVIDER_ERROR" = "PROVIDER_ERROR",
    readonly problem?: ProviderProblem,
  ) {
    super(message);
  }
}

export class ProviderUnavailableError extends Error {
  readonly name = "ProviderUnavailableError";
  constructor(
    message: string,
    readonly problem?: ProviderProblem,
  ) {
    super(message);
  }
}
