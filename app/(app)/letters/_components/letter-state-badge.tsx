import { LETTER_ERROR_LABELS, LETTER_STATE_LABELS, type LetterErrorName, type LetterStateName } from "@/lib/snailmail/labels";

const COLORS: Record<LetterStateName, string> = {
  QUEUED: "bg-sky-100 text-sky-800",
  SENT: "bg-green-100 text-green-800",
  ERROR: "bg-red-100 text-red-800",
  CANCELED: "bg-gray-100 text-gray-600",
};

export function LetterStateBadge({ state }: { state: LetterStateName }) {
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${COLORS[state]}`}>{LETTER_STATE_LABELS[state]}</span>;
}

export function LetterError({ code, message }: { code: LetterErrorName | null; message: string | null }) {
  if (!code) return null;
  return (
    <span className="block text-xs text-red-700" title={message ?? undefined}>
      {LETTER_ERROR_LABELS[code]}
      {message ? <span className="block text-gray-600">{message}</span> : null}
    </span>
  );
}
