import { toAccountResource } from "@/lib/events/resources";
import { serviceNameSchema } from "@/lib/iap/catalogue";

/** An account row as the alert jobs' RETURNING gives it (bigints as text). */
export interface AlertAccountRow {
  id: number;
  balance: string;
  held: string;
  /** Absent: the low-credit job only picks accounts with Warn Me on. */
  warn_enabled?: boolean;
  warning_threshold: string | null;
  warning_email: string | null;
  technical_name: string;
  service_name: string;
  decimals: number;
  unit_name: string;
}

/** The account as the balance.low / balance.empty webhooks carry it. */
export function alertAccountResource(row: AlertAccountRow) {
  return toAccountResource({
    id: row.id,
    technicalName: serviceNameSchema.parse(row.technical_name),
    serviceName: row.service_name,
    unitName: row.unit_name,
    decimals: row.decimals,
    balance: BigInt(row.balance),
    held: BigInt(row.held),
    warnEnabled: row.warn_enabled ?? true,
    warningThreshold: row.warning_threshold === null ? null : BigInt(row.warning_threshold),
    warningEmail: row.warning_email,
    warnedAt: null,
  });
}
