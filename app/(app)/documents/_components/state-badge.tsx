import { useTranslations } from "next-intl";
import { StatusBadge, type Tone } from "@/components/status-badge";
import type { DocumentState } from "@/lib/generated/prisma/enums";

// Labels: messages documents.states.<DocumentState>.
const TONES: Record<DocumentState, Tone> = {
  UPLOADED: "neutral",
  DIGITIZING: "info",
  TO_REVIEW: "warning",
  DONE: "success",
  ERROR: "danger",
  WAITING_CREDITS: "warning",
};

export function StateBadge({ state, progress }: { state: DocumentState; progress?: number }) {
  const t = useTranslations("documents");
  return (
    <span className="inline-flex items-center gap-2">
      <StatusBadge tone={TONES[state]}>{t(`states.${state}`)}</StatusBadge>
      {state === "DIGITIZING" && progress !== undefined && (
        <span className="inline-flex items-center gap-1.5 text-xs text-gray-600">
          <span
            role="progressbar"
            aria-label={t("progress")}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress}
            className="h-1.5 w-16 overflow-hidden rounded-full bg-gray-200"
          >
            <span className="block h-full bg-blue-600 transition-all" style={{ width: `${progress}%` }} />
          </span>
          {progress}%
        </span>
      )}
    </span>
  );
}
