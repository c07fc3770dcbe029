"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/action-button";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { cancelSignatureRequestAction, copySigningLinkAction, resendSigningEmailAction } from "../actions";

/** Copy link / Resend for a signer who has not signed yet. */
export function SignerActions({ requestId, signerId, signerName }: { requestId: number; signerId: number; signerName: string }) {
  const t = useTranslations("sign.signerActions");
  const link = useActionForm(copySigningLinkAction);
  const url = link.data?.url;
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-start gap-2">
      <div className="flex flex-wrap items-start gap-3">
        <form action={link.action}>
          <input type="hidden" name="requestId" value={requestId} />
          <input type="hidden" name="signerId" value={signerId} />
          <Button type="submit" variant="link" className="text-sm" pending={link.pending} pendingLabel={t("makingLink")} aria-label={t("copyLinkFor", { name: signerName })}>
            {t("copyLink")}
          </Button>
        </form>
        <ActionButton action={resendSigningEmailAction} fields={{ requestId, signerId }} pendingLabel={t("queuing")} label={t("resendTo", { name: signerName })}>
          {t("resend")}
        </ActionButton>
      </div>
      {link.failed && <ActionFeedback state={link.state} className="text-xs!" />}
      {url && (
        <div className="w-full max-w-md space-y-1 rounded-md border border-brand-100 bg-brand-50 p-2 text-xs">
          <p className="text-gray-800">{link.state?.message}</p>
          <div className="flex items-center gap-2">
            <input readOnly aria-label={t("linkFor", { name: signerName })} value={url} onFocus={(event) => event.currentTarget.select()} className="min-w-0 flex-1 rounded border border-gray-300 bg-white px-2 py-1 font-mono" />
            <Button
              type="button"
              variant="secondary"
              className="px-2! py-1! text-xs!"
              onClick={async () => {
                await navigator.clipboard.writeText(url).then(
                  () => setCopied(url),
                  () => setCopied(null),
                );
              }}
            >
              {copied === url ? t("copied") : t("copy")}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}

export function CancelRequestButton({ requestId, title }: { requestId: number; title: string }) {
  const t = useTranslations("sign.signerActions");
  const form = useActionForm(cancelSignatureRequestAction);
  return (
    <form
      action={form.action}
      onSubmit={(event) => {
        if (!window.confirm(t("cancelConfirm", { title }))) event.preventDefault();
      }}
      className="flex items-center gap-2"
    >
      <input type="hidden" name="requestId" value={requestId} />
      {form.failed && <ActionFeedback state={form.state} />}
      <Button type="submit" variant="secondary" pending={form.pending} pendingLabel={t("canceling")}>
        {t("cancel")}
      </Button>
    </form>
  );
}
