import { StatusBadge, type Tone } from "@/components/status-badge";
import { LETTER_ERROR_LABELS, LETTER_STATE_LABELS, letterErrorText, type LetterErrorName, type LetterStateName } from "../_messages/letter-words";

const TONES: Record<LetterStateName, Tone> = { QUEUED: "info", SENT: "success", ERROR: "danger", CANCELED: "neutral" };

export function LetterStateBadge({ state }: { state: LetterStateName }) {
  return <StatusBadge tone={TONES[state]}>{LETTER_STATE_LABELS[state]}</StatusBadge>;
}

export function LetterError({ code, message }: { code: LetterErrorName | null; message: string | null }) {
  if (!code) return null;
  const detail = letterErrorText(message);
  return (
    <span className="block text-xs text-red-700" title={detail ?? undefined}>
      {LETTER_ERROR_LABELS[code]}
      {detail ? <span className="block text-gray-600">{detail}</span> : null}
    </span>
  );
}
