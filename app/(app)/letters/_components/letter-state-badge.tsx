import { StatusBadge, type Tone } from "@/components/status-badge";
import { LETTER_ERROR_LABELS, LETTER_STATE_LABELS, type LetterErrorName, type LetterStateName } from "@/lib/snailmail/labels";

const TONES: Record<LetterStateName, Tone> = { QUEUED: "info", SENT: "success", ERROR: "danger", CANCELED: "neutral" };

export function LetterStateBadge({ state }: { state: LetterStateName }) {
  return <StatusBadge tone={TONES[state]}>{LETTER_STATE_LABELS[state]}</StatusBadge>;
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
