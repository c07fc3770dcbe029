// The credits engine's shapes, in a file of their own so that accounts, the
// ledger and holds can all name them without importing one another.
import type { ServiceName } from "./catalogue";
import type { LedgerWording } from "./ledger-wording";

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

export type GrantKind = "TRIAL_GRANT" | "PURCHASE" | "AUTO_TOPUP" | "REFUND" | "ADJUSTMENT";

/** Credits taken back from an account because the money that bought them went back. */
export type TakeBackKind = "REFUND_REVERSAL" | "DISPUTE_LOSS";

export interface EntryOptions {
  /** English, stored as written (searched by the history, read by the API). */
  description: string;
  /** The same as a code and parameters, worded in each reader's language (lib/iap/ledger-wording.ts). */
  wording?: LedgerWording;
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
