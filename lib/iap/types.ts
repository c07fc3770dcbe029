// The credits engine's shapes, in a file of their own so that accounts, the
// ledger and holds can all name them without importing one another.
import type { ServiceName } from "./catalogue";

export interface ServiceInfo {
  id: number;
  technicalName: ServiceName;
  name: string;
  decimals: number;
  trialCredits: bigint;
}

export interface AccountRef {
  id: number;
  companyId: number;
  service: ServiceInfo;
}

export type GrantKind = "TRIAL_GRANT" | "PURCHASE" | "REFUND" | "ADJUSTMENT";

export interface EntryOptions {
  description: string;
  /** Free text pointing at what caused the movement (purchase id, SMS id…). */
  reference?: string | null;
  /** Unique per account: the same key twice has one effect. */
  idempotencyKey: string;
  createdById?: number | null;
}

export interface EntryResult {
  entryId: bigint;
  amount: bigint;
  balanceAfter: bigint;
  /** True when this key had already been used: nothing changed now. */
  replayed: boolean;
}

export type HoldStatus = "PENDING" | "CAPTURED" | "RELEASED" | "EXPIRED";

export interface Hold {
  id: number;
  account: AccountRef;
  amount: bigint;
  status: HoldStatus;
  capturedAmount: bigint | null;
  expiresAt: Date;
  result: unknown;
  replayed: boolean;
}

export interface CaptureResult {
  holdId: number;
  captured: bigint;
  entryId: bigint | null;
  balanceAfter: bigint;
  replayed: boolean;
}
