import { StatusBadge, type Tone } from "@/components/status-badge";
import type { SignerProgress } from "@/lib/sign/requests";

const SIGNER_STATES: Record<SignerProgress, { label: string; tone: Tone }> = {
  waiting: { label: "Waiting to be sent", tone: "warning" },
  "not-sent": { label: "Not sent", tone: "danger" },
  sent: { label: "Sent", tone: "neutral" },
  verified: { label: "Verified", tone: "info" },
  signed: { label: "Signed", tone: "success" },
  "signed-verified": { label: "Signed (verified)", tone: "success" },
  refused: { label: "Refused", tone: "danger" },
};

/** "Sent" only once the e-mail with the link left; before that, what the outbox is waiting for. */
export function SignerStatus({ signer, withReason = false }: { signer: { progress: SignerProgress; emailProblem: string | null }; withReason?: boolean }) {
  const { label, tone } = SIGNER_STATES[signer.progress];
  return (
    <span className="inline-flex flex-col items-start gap-0.5">
      <StatusBadge tone={tone} title={signer.emailProblem ?? undefined}>
        {label}
      </StatusBadge>
      {withReason && signer.emailProblem && <span className="max-w-xs text-xs whitespace-normal text-gray-700">{signer.emailProblem}</span>}
    </span>
  );
}

const REQUEST_STATES: Record<string, { label: string; tone: Tone }> = {
  SENT: { label: "Waiting for signatures", tone: "warning" },
  COMPLETED: { label: "Signed", tone: "success" },
  REFUSED: { label: "Refused", tone: "danger" },
  CANCELED: { label: "Canceled", tone: "neutral" },
};

export function RequestState({ state }: { state: string }) {
  const { label, tone } = REQUEST_STATES[state] ?? REQUEST_STATES.SENT;
  return <StatusBadge tone={tone}>{label}</StatusBadge>;
}
