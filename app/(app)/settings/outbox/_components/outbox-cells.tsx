import { emailStatus, STATUS_LABELS, type EmailStatus } from "@/lib/mail/status";
import type { EmailState } from "@/lib/mail/outbox";

const STYLES: Record<EmailStatus, string> = {
  queued: "bg-gray-100 text-gray-700 ring-gray-300",
  retrying: "bg-amber-50 text-amber-800 ring-amber-300",
  "not-delivered": "bg-amber-50 text-amber-800 ring-amber-300",
  sent: "bg-green-50 text-green-800 ring-green-300",
  failed: "bg-red-50 text-red-800 ring-red-300",
};

export function StatusBadge({ row }: { row: { state: EmailState; lastError: string | null } }) {
  const status = emailStatus(row);
  return (
    <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[status]}`}>
      {STATUS_LABELS[status]}
    </span>
  );
}

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** "21 Nov 2026, 20:51 UTC", the same on server and client. */
export function DateTime({ value }: { value: Date | null }) {
  if (!value) return <span className="text-gray-400">—</span>;
  return <time dateTime={value.toISOString()}>{dateTime.format(value)} UTC</time>;
}
