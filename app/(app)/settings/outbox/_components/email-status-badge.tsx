import { useTranslations } from "next-intl";
import { StatusBadge, type Tone } from "@/components/status-badge";
import type { EmailState } from "@/lib/mail/outbox";
import { emailStatus, type EmailStatus } from "@/lib/mail/status";

const TONES: Record<EmailStatus, Tone> = {
  queued: "neutral",
  retrying: "warning",
  "not-delivered": "warning",
  sent: "success",
  failed: "danger",
};

export function EmailStatusBadge({ row }: { row: { state: EmailState; lastError: string | null } }) {
  const t = useTranslations("outbox");
  const status = emailStatus(row);
  return <StatusBadge tone={TONES[status]}>{t(`status.${status}`)}</StatusBadge>;
}

