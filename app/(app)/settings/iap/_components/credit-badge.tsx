import { StatusBadge, type Tone } from "@/components/status-badge";
import { creditStatus, type WarningState } from "@/lib/iap/credit-status";

const BADGES = {
  "no-credits": { label: "No credits", tone: "danger" },
  "low-credits": { label: "Low credits", tone: "warning" },
} as const satisfies Record<string, { label: string; tone: Tone }>;

/** "No credits" / "Low credits", or nothing when the balance is fine. */
export function CreditBadge({ account }: { account: WarningState }) {
  const status = creditStatus(account);
  if (status === "ok") return null;
  const badge = BADGES[status];
  return <StatusBadge tone={badge.tone}>{badge.label}</StatusBadge>;
}
