import type { DocumentState } from "@/lib/generated/prisma/enums";

export const STATE_LABELS: Record<DocumentState, string> = {
  UPLOADED: "Uploaded",
  DIGITIZING: "Digitizing",
  TO_REVIEW: "To review",
  DONE: "Done",
  ERROR: "Error",
  WAITING_CREDITS: "Not enough credits",
};

const STYLES: Record<DocumentState, string> = {
  UPLOADED: "bg-gray-100 text-gray-700",
  DIGITIZING: "bg-blue-100 text-blue-800",
  TO_REVIEW: "bg-amber-100 text-amber-900",
  DONE: "bg-green-100 text-green-800",
  ERROR: "bg-red-100 text-red-800",
  WAITING_CREDITS: "bg-orange-100 text-orange-900",
};

export function StateBadge({ state, progress }: { state: DocumentState; progress?: number }) {
  return (
    <span className="inline-flex items-center gap-2">
      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STYLES[state]}`}>{STATE_LABELS[state]}</span>
      {state === "DIGITIZING" && progress !== undefined && (
        <span className="inline-flex items-center gap-1.5 text-xs text-gray-600">
          <span
            role="progressbar"
            aria-label="Digitizing progress"
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
