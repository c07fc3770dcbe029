import { creditStatus, type WarningState } from "@/lib/iap/credit-status";

const BADGES = {
  "no-credits": { label: "No credits", className: "bg-red-100 text-red-800 ring-red-600/20" },
  "low-credits": { label: "Low credits", className: "bg-amber-100 text-amber-900 ring-amber-600/30" },
} as const;

/** "No credits" / "Low credits", or nothing when the balance is fine. */
export function CreditBadge({ account }: { account: WarningState }) {
  const status = creditStatus(account);
  if (status === "ok") return null;
  const badge = BADGES[status];
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${badge.className}`}>
      {badge.label}
    </span>
  );
}
