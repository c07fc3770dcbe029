import { useLocale, useTranslations } from "next-intl";
import { StatusBadge, type Tone } from "@/components/status-badge";
import { letterErrorText, type LetterErrorName, type LetterStateName, type LetterWords } from "../_messages/letter-words";

const TONES: Record<LetterStateName, Tone> = { QUEUED: "info", SENT: "success", ERROR: "danger", CANCELED: "neutral" };

export function LetterStateBadge({ state }: { state: LetterStateName }) {
  const t = useTranslations("letters");
  return <StatusBadge tone={TONES[state]}>{t(`state.${state}`)}</StatusBadge>;
}

export function LetterError({ code, message }: { code: LetterErrorName | null; message: string | null }) {
  const t = useTranslations("letters");
  const locale = useLocale();
  if (!code) return null;
  const detail = letterErrorText(t as unknown as LetterWords, message, locale);
  return (
    <span className="block text-xs text-red-700" title={detail ?? undefined}>
      {t(`errorCode.${code}`)}
      {detail ? <span className="block text-gray-600">{detail}</span> : null}
    </span>
  );
}
