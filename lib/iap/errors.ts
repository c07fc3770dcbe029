// Typed failures of the credits engine. Pages and actions turn
// InsufficientCreditsError into the one buy prompt ("Not enough credits…" with
// "Buy credits"), whatever service raised it.
import { buyCreditsPath } from "@/lib/routes";
import type { ServiceName } from "./catalogue";

export class InsufficientCreditsError extends Error {
  readonly name = "InsufficientCreditsError";
  readonly buyUrl: string;
  constructor(
    readonly service: { technicalName: ServiceName; name: string; decimals: number },
    /** Units the operation needs. */
    readonly needed: bigint,
    /** Units available (balance − open holds) when it was refused. */
    readonly available: bigint,
  ) {
    super(`Insufficient credit to perform this service (${service.name}).`);
    this.buyUrl = buyCreditsPath(service.technicalName);
  }
  get shortfall(): bigint {
    return this.needed - this.available;
  }
}

export class HoldNotPendingError extends Error {
  readonly name = "HoldNotPendingError";
  constructor(
    readonly holdId: number,
    readonly status: string,
  ) {
    super(`Hold ${holdId} is already ${status.toLowerCase()}; a hold resolves once.`);
  }
}

export class UnknownServiceError extends Error {
  readonly name = "UnknownServiceError";
  constructor(readonly technicalName: ServiceName) {
    super(`No IAP service "${technicalName}": run npm run db:seed to load the catalogue.`);
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === "23505";
}
