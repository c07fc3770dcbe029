import { useTranslations } from "next-intl";
import { StatusBadge, type Tone } from "@/components/status-badge";
import type { SignerProgress } from "@/lib/sign/request-views";
import { lastErrorText } from "../../settings/outbox/_components/last-error";

// Labels: messages sign.status.signer.<progress> and sign.status.request.<state>.
const SIGNER_TONES: Record<SignerProgress, Tone> = {
  waiting: "warning",
  "not-sent": "danger",
  sent: "neutral",
  verified: "info",
  signed: "success",
  "signed-verified": "success",
  refused: "danger",
};

/** "Sent" only once the e-mail with the link left; before that, what the outbox is waiting for. */
export function SignerStatus({ signer, withReason = false }: { signer: { progress: SignerProgress; emailProblem: string | null }; withReason?: boolean }) {
  const t = useTranslations("sign.status.signer");
  const outbox = useTranslations("outbox");
  // The outbox's reason as the outbox page words it: the no-SMTP marker in the reader's language, a mail server's answer as it came.
  const problem = signer.emailProblem ? lastErrorText(signer.emailProblem, outbox) : null;
  return (
    <span className="inline-flex flex-col items-start gap-0.5">
      <StatusBadge tone={SIGNER_TONES[signer.progress]} title={problem ?? undefined}>
        {t(signer.progress)}
      </StatusBadge>
      {withReason && problem && <span className="max-w-xs text-xs whitespace-normal text-gray-700">{problem}</span>}
    </span>
  );
}

const REQUEST_TONES = { SENT: "warning", COMPLETED: "success", REFUSED: "danger", CANCELED: "neutral" } as const satisfies Record<string, Tone>;

export function RequestState({ state }: { state: string }) {
  const t = useTranslations("sign.status.request");
  const known = state in REQUEST_TONES ? (state as keyof typeof REQUEST_TONES) : "SENT";
  return <StatusBadge tone={REQUEST_TONES[known]}>{t(known)}</StatusBadge>;
}
