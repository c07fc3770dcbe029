"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ActionFeedback, actionMessage } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { ModalDialog } from "@/components/modal-dialog";
import type { ActionState } from "@/lib/actions/state";
import { checkMessage } from "@/lib/sms/message";
import type { MassSmsPreview, MassSmsStatus } from "@/lib/sms/schemas";
import { massSmsProgressAction, previewMassSmsAction, startMassSmsAction } from "../actions";
import { formatCredits } from "@/lib/iap/units";
import { SmsComposer, TestModeNotice } from "./sms-composer";
import { smsFailureText } from "../_messages/sms-failures";

export type MassSelection = { ids: number[] } | { all: true; q: string };

const POLL_MS = 600;
/** Once sent, delivery reports trickle in: asked for less often. */
const REPORT_POLL_MS = 2000;

export function MassSmsDialog({ selection, decimals, testMode, onClose }: { selection: MassSelection; decimals: number; testMode: boolean; onClose: () => void }) {
  const router = useRouter();
  const sms = useTranslations("sms");
  const t = useTranslations("sms.mass");
  const locale = useLocale();
  const [answer, setAnswer] = useState<ActionState<MassSmsPreview> | null>(null);
  const [body, setBody] = useState("");
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const [status, setStatus] = useState<ActionState<MassSmsStatus> | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    let live = true;
    void previewMassSmsAction(selection).then((result) => live && setAnswer(result));
    return () => {
      live = false;
    };
  }, [selection]);

  const preview = answer?.ok ? answer.data : undefined;
  const batch = status?.ok ? status.data : undefined;
  const batchKey = batch?.batchKey;
  const done = batch?.progress?.done ?? false;
  // Delivery reports are awaited for ten minutes after the dialog opened, no longer (none may come: e.g. APP_URL not reachable by Twilio).
  const [sentAt] = useState(() => Date.now());
  const awaiting = (batch?.progress?.awaitingReport ?? 0) > 0 && Date.now() - sentAt < 10 * 60_000;
  useEffect(() => {
    if (!batchKey || (done && !awaiting)) return;
    const timer = setTimeout(() => {
      void massSmsProgressAction(batchKey).then((next) => {
        setStatus(next);
        if (next.ok && next.data?.progress?.done) router.refresh();
      });
    }, done ? REPORT_POLL_MS : POLL_MS);
    return () => clearTimeout(timer);
  }, [batchKey, done, awaiting, status, router]);

  function send() {
    startTransition(async () => {
      const result = await startMassSmsAction({ selection, body, clientId });
      setStatus(result);
      if (!result.ok) setClientId(crypto.randomUUID());
    });
  }

  const shape = checkMessage(body);
  const sending = Boolean(batchKey);
  const progress = batch?.progress;
  const invalid = preview ? preview.skipped.length : 0;
  const optedOut = preview ? preview.skipped.filter((s) => s.reason === "opted-out").length : 0;

  return (
    <ModalDialog
      title={sms("dialog.title")}
      wide
      onClose={onClose}
      footer={
        sending ? (
          <Button type="button" variant={done ? "primary" : "secondary"} onClick={onClose}>
            {done ? t("close") : t("background")}
          </Button>
        ) : (
          <>
            <Button type="button" variant="secondary" onClick={onClose}>
              {sms("dialog.cancel")}
            </Button>
            <Button type="button" onClick={send} pending={pending} pendingLabel={sms("dialog.sending")} disabled={!preview || preview.recipients === 0 || !shape.ok}>
              {t("send")}
            </Button>
          </>
        )
      }
    >
      {testMode && <TestModeNotice />}
      {!answer ? (
        <p className="text-sm text-gray-600" aria-live="polite">
          {t("checking")}
        </p>
      ) : !preview ? (
        <ActionFeedback state={answer} fieldsShown={false} />
      ) : (
        <>
          <div className="space-y-2 text-sm">
            <p>
              <span className="font-medium">{t("recipientsLabel")}</span> {t("recipients", { numbers: preview.recipients, contacts: preview.total })}
            </p>
            {invalid > 0 && (
              <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
                <p className="font-medium">
                  {t(optedOut === invalid ? "skippedOptedOut" : optedOut > 0 ? "skippedMixed" : "skippedInvalid", { invalid, total: preview.total, optedOut })}
                </p>
                <details className="mt-1">
                  <summary className="cursor-pointer underline">{t("showSkipped")}</summary>
                  <ul className="mt-1 max-h-40 list-disc overflow-y-auto pl-5">
                    {preview.skipped.slice(0, 200).map((s) => (
                      <li key={s.contactId}>
                        {s.name} — {s.reason === "missing" ? t("noNumber") : t(s.reason === "opted-out" ? "optedOutNumber" : "invalidNumber", { number: s.number ?? "" })}
                      </li>
                    ))}
                    {preview.skipped.length > 200 && <li>{t("more", { count: preview.skipped.length - 200 })}</li>}
                  </ul>
                </details>
              </div>
            )}
            {preview.duplicates > 0 && (
              <p className="text-gray-700">
                {t("duplicates", { count: preview.duplicates })}
              </p>
            )}
          </div>
          {!sending && (
            <SmsComposer
              value={body}
              onChange={setBody}
              autoFocus
              decimals={decimals}
              costFor={(parts) => preview.priceGroups.reduce((sum, g) => sum + BigInt(g.creditsPerPart) * BigInt(g.count), 0n) * BigInt(parts)}
            />
          )}
        </>
      )}
      {status && !status.ok && <ActionFeedback state={status} variant="banner" fieldsShown={false} />}
      {sending && (
        <div className="space-y-2" aria-live="polite">
          {progress ? (
            <>
              <label className="block text-sm font-medium" htmlFor="mass-sms-progress">
                {t(done ? "progressDone" : "progressSending", { count: progress.sent + progress.failed, total: progress.messages })}
              </label>
              <progress id="mass-sms-progress" className="h-2 w-full accent-brand-600" value={progress.sent + progress.failed} max={Math.max(progress.messages, 1)} />
              {done && (
                <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
                  {t("summary", { sent: progress.sent, failed: progress.failed, credits: formatCredits(BigInt(progress.creditsText.replace(/[^\d-]/g, "")), decimals, { locale }) })}
                </p>
              )}
              {done && progress.sent > 0 && (
                <p className="text-sm text-gray-800" aria-label={t("reportsLabel")}>
                  {t("delivery", { delivered: progress.delivered, undelivered: progress.undelivered, pending: progress.awaitingReport })}
                </p>
              )}
              {progress.failures.length > 0 && (
                <ul className="list-disc pl-5 text-sm text-red-800">
                  {progress.failures.map((f, i) => (
                    <li key={i}>
                      {f.name} ({f.number}): {smsFailureText(sms, f.reason)}
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : (
            <p className="text-sm">{actionMessage(status)}</p>
          )}
        </div>
      )}
    </ModalDialog>
  );
}
