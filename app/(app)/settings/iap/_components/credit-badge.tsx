import { useTranslations } from "next-intl";
import { StatusBadge, type Tone } from "@/components/status-badge";
import { creditStatus, type WarningState } from "@/lib/iap/credit-status";

const TONES = { "no-credits": "danger", "low-credits": "warning" } as const satisfies Record<string, Tone>;

/** "No credits" / "Low credits", or nothing when the balance is fine. */
export function CreditBadge({ account }: { account: WarningState }) {
  const t = useTranslations("iap.badge");
  const status = creditStatus(account);
  if (status === "ok") return null;
  return <StatusBadge tone={TONES[status]}>{t(status)}</StatusBadge>;
}
