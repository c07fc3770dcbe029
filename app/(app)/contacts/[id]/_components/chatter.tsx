import { getLocale, getTranslations } from "next-intl/server";
import type { ChatterEntry } from "@/lib/contacts/chatter";
import { DateTime } from "@/components/date-time";
import { StatusBadge } from "@/components/status-badge";
import { logText } from "../../_messages/chatter-log";
import type { SmsWords } from "../../_messages/sms-failures";
import { isPending, smsStatus } from "../../_messages/sms-status";
import { LiveRefresh } from "./live-refresh";
import { NoteForm } from "./note-form";

const KIND_CLASS: Record<ChatterEntry["kind"], string> = {
  NOTE: "bg-gray-100 text-gray-700",
  SMS: "bg-brand-100 text-brand-700",
  EMAIL: "bg-sky-100 text-sky-800",
  SYSTEM: "bg-amber-100 text-amber-900",
  LETTER: "bg-green-100 text-green-800",
};

/** Entries from before codes carry their outcome in the body's first words. */
function isFailure(entry: ChatterEntry): boolean {
  if (entry.log) return entry.log.code === "smsNotSent" || entry.log.code === "letterNotPosted";
  return (entry.kind === "SMS" && entry.body.startsWith("SMS not sent")) || (entry.kind === "LETTER" && /^Letter #\d+ not posted/.test(entry.body));
}

/** The contact's history, newest first, with a box to log a note. */
export async function Chatter({ contactId, entries }: { contactId: number; entries: ChatterEntry[] }) {
  const [t, sms, letters, leads, locale] = await Promise.all([getTranslations("contacts"), getTranslations("sms"), getTranslations("letters"), getTranslations("leads"), getLocale()]);
  // Reports come within minutes; an SMS still without one after an hour (no
  // callback will come: e.g. APP_URL not reachable by Twilio) stops the polling.
  const since = Date.now() - 60 * 60_000;
  const pending = entries.some((entry) => entry.sms && isPending(entry.sms) && entry.createdAt.getTime() > since);
  return (
    <section aria-labelledby="chatter-title" className="rounded-lg border border-gray-200 bg-white shadow-xs">
      <LiveRefresh active={pending} />
      <div className="border-b border-gray-200 px-4 py-3">
        <h2 id="chatter-title" className="font-semibold">
          {t("chatter.title")}
        </h2>
      </div>
      <div className="px-4 py-3">
        <NoteForm contactId={contactId} />
      </div>
      {entries.length === 0 ? (
        <p className="px-4 pb-4 text-sm text-gray-600">{t("chatter.empty")}</p>
      ) : (
        <ol aria-label={t("chatter.messages")} className="divide-y divide-gray-100">
          {entries.map((entry) => {
            const kind = t(`chatter.kind.${entry.kind}`);
            const failed = isFailure(entry);
            const text = entry.log ? [logText({ contacts: t, sms, letters, leads }, locale, entry.log), entry.body].filter(Boolean).join("\n\n") : entry.body;
            return (
              <li key={entry.id} className="px-4 py-3">
                <div className="flex flex-wrap items-center gap-2 text-xs text-gray-600">
                  <span className={`rounded px-1.5 py-0.5 font-medium ${failed ? "bg-red-100 text-red-800" : KIND_CLASS[entry.kind]}`}>
                    {failed ? t("chatter.kindFailed", { kind }) : kind}
                  </span>
                  <span className="font-medium text-gray-800">{entry.author ?? t("chatter.system")}</span>
                  <span aria-hidden>·</span>
                  <DateTime value={entry.createdAt} />
                </div>
                <p className="mt-1.5 text-sm wrap-anywhere whitespace-pre-wrap text-gray-900">{text}</p>
                {entry.sms && <SmsStatusLine t={sms} sms={entry.sms} />}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function SmsStatusLine({ t, sms }: { t: SmsWords; sms: NonNullable<ChatterEntry["sms"]> }) {
  const status = smsStatus(t, sms);
  return (
    <p className="mt-2 flex flex-wrap items-center gap-2 text-xs text-gray-700" aria-label={t("status.lineLabel")} aria-live="polite">
      <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
      {status.detail && <span>{status.detail}</span>}
    </p>
  );
}
