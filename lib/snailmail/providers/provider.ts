// One interface for every postal provider. A provider either accepts a letter
// (returns its ids), refuses it for good (ProviderRefusedError: the letter goes
// to Error and its hold is released), or is unavailable for now
// (ProviderUnavailableError: the letter stays queued and is retried later).
// An attempt whose answer never came (a timeout, a 5xx, a 409 "still being
// processed") may still have created the letter: before trying again with the
// same request key, the queue asks the provider with find(key).
import type { PostalAddress } from "../address";

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

export class ProviderRefusedError extends Error {
  readonly name = "ProviderRefusedError";
  constructor(
    message: string,
    /** FORMAT_ERROR when the document itself was refused; PROVIDER_ERROR otherwise. */
    readonly code: "FORMAT_ERROR" | "PROVIDER_ERROR" = "PROVIDER_ERROR",
  ) {
    super(message);
  }
}

export class ProviderUnavailableError extends Error {
  readonly name = "ProviderUnavailableError";
}
