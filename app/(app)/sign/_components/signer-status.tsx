import { signerStatusLabel } from "@/lib/sign/status";

const TONES: Record<string, string> = {
  Sent: "bg-gray-100 text-gray-800",
  Verified: "bg-blue-100 text-blue-800",
  Signed: "bg-green-100 text-green-800",
  "Signed (verified)": "bg-green-100 text-green-800",
  Refused: "bg-red-100 text-red-800",
};

export function SignerStatus({ signer }: { signer: { status: string; verifiedAt: Date | null } }) {
  const label = signerStatusLabel(signer);
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONES[label]}`}>{label}</span>;
}

const REQUEST_STATES: Record<string, { label: string; tone: string }> = {
  SENT: { label: "Waiting for signatures", tone: "bg-amber-100 text-amber-900" },
  COMPLETED: { label: "Signed", tone: "bg-green-100 text-green-800" },
  REFUSED: { label: "Refused", tone: "bg-red-100 text-red-800" },
};

export function RequestState({ state }: { state: string }) {
  const { label, tone } = REQUEST_STATES[state] ?? REQUEST_STATES.SENT;
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${tone}`}>{label}</span>;
}
