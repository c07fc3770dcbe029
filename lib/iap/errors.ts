// Typed failures of the credits engine, as codes (lib/errors.ts). Pages and
// actions turn InsufficientCreditsError into the one buy prompt ("Not enough
// credits…" with "Buy credits"), whatever service raised it; the others are
// programming or set-up errors, logged rather than shown.
import { AppError } from "@/lib/errors";
import { buyCreditsPath } from "@/lib/routes";
import type { ServiceName } from "./catalogue";

export class InsufficientCreditsError extends AppError<"insufficient-credits"> {
  readonly name = "InsufficientCreditsError";
  readonly buyUrl: string;
  constructor(
    readonly service: { technicalName: ServiceName; name: string; decimals: number },
    /** Units the operation needs. */
    readonly needed: bigint,
    /** Units available (balance − open holds) when it was refused. */
    readonly available: bigint,
  ) {
    super("insufficient-credits", "payment-required", { service: service.technicalName, needed: String(needed), available: String(available) });
    this.buyUrl = buyCreditsPath(service.technicalName);
  }
  get shortfall(): bigint {
    return this.needed - this.available;
  }
}

/** A hold resolves once: it was already captured, released or expired. */
export class HoldNotPendingError extends AppError<"hold-not-pending"> {
  readonly name = "HoldNotPendingError";
  constructor(
    readonly holdId: number,
    readonly status: string,
  ) {
    super("hold-not-pending", "conflict", { holdId, status });
  }
}

/** The catalogue lacks a service: the database was not seeded (`npm run db:seed` loads it). */
export class UnknownServiceError extends AppError<"unknown-service"> {
  readonly name = "UnknownServiceError";
  constructor(readonly technicalName: ServiceName) {
    super("unknown-service", "internal", { service: technicalName, fix: "npm run db:seed" });
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === "23505";
}
