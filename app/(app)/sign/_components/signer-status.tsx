import { StatusBadge, type Tone } from "@/components/status-badge";
import { signerStatusLabel, type SignerStatusLabel } from "@/lib/sign/status";

const SIGNER_TONES: Record<SignerStatusLabel, Tone> = {
  Sent: "neutral",
  Verified: "info",
  Signed: "success",
  "Signed (verified)": "success",
  Refused: "danger",
};

export function SignerStatus({ signer }: { signer: { status: string; verifiedAt: Date | null } }) {
  const label = signerStatusLabel(signer);
  return <StatusBadge tone={SIGNER_TONES[label]}>{label}</StatusBadge>;
}

const REQUEST_STATES: Record<string, { label: string; tone: Tone }> = {
  SENT: { label: "Waiting for signatures", tone: "warning" },
  COMPLETED: { label: "Signed", tone: "success" },
  REFUSED: { label: "Refused", tone: "danger" },
};

export function RequestState({ state }: { state: string }) {
  const { label, tone } = REQUEST_STATES[state] ?? REQUEST_STATES.SENT;
  return <StatusBadge tone={tone}>{label}</StatusBadge>;
}
