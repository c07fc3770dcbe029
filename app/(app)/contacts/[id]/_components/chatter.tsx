import type { ChatterEntry } from "@/lib/contacts/chatter";
import { DateTime } from "@/components/date-time";
import { StatusBadge } from "@/components/status-badge";
import { isPending, smsStatus } from "../../_messages/sms-status";
import { LiveRefresh } from "./live-refresh";
import { NoteForm } from "./note-form";

const KIND: Record<ChatterEntry["kind"], { label: string; className: string }> = {
  NOTE: { label: "Note", className: "bg-gray-100 text-gray-700" },
  SMS: { label: "SMS", className: "bg-brand-100 text-brand-700" },
  EMAIL: { label: "E-mail", className: "bg-sky-100 text-sky-800" },
  SYSTEM: { label: "System", className: "bg-amber-100 text-amber-900" },
  LETTER: { label: "Letter", className: "bg-green-100 text-green-800" },
};

/** The contact's history, newest first, with a box to log a note. */
export function Chatter({ contactId, entries }: { contactId: number; entries: ChatterEntry[] }) {
  // Reports come within minutes; an SMS still without one after an hour (no
  // callback will come: e.g. APP_URL not reachable by Twilio) stops the polling.
  const since = Date.now() - 60 * 60_000;
  const pending = entries.some((entry) => entry.sms && isPending(entry.sms) && entry.createdAt.getTime() > since);
  return (
    <section aria-labelledby="chatter-title" className="rounded-lg border border-gray-200 bg-white shadow-xs">
      <LiveRefresh active={pending} />
      <div className="border-b border-gray-200 px-4 py-3">
        <h2 id="chatter-title" className="font-semibold">
          Chatter
        </h2>
      </div>
      <div className="px-4 py-3">
        <NoteForm contactId={contactId} />
      </div>
      {entries.length === 0 ? (
        <p className="px-4 pb-4 text-sm text-gray-600">No messages yet. SMS and letters sent to this contact, and notes, appear here.</p>
      ) : (
        <ol aria-label="Messages" className="divide-y divide-gray-100">
          {entries.map((entry) => {
            const kind = KIND[entry.kind];
            const failed = (entry.kind === "SMS" && entry.body.startsWith("SMS not sent")) || (entry.kind === "LETTER" && /^Letter #\d+ not posted/.test(entry.body));
            return (
              <li key={entry.id} className="px-4 py-3">
                <div className="flex flex-wrap items-center gap-2 text-xs text-gray-600">
                  <span className={`rounded px-1.5 py-0.5 font-medium ${failed ? "bg-red-100 text-red-800" : kind.className}`}>{failed ? `${kind.label} failed` : kind.label}</span>
                  <span className="font-medium text-gray-800">{entry.author ?? "System"}</span>
                  <span aria-hidden>·</span>
                  <DateTime value={entry.createdAt} />
                </div>
                <p className="mt-1.5 text-sm wrap-anywhere whitespace-pre-wrap text-gray-900">{entry.body}</p>
                {entry.sms && <SmsStatusLine sms={entry.sms} />}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function SmsStatusLine({ sms }: { sms: NonNullable<ChatterEntry["sms"]> }) {
  const status = smsStatus(sms);
  return (
    <p className="mt-2 flex flex-wrap items-center gap-2 text-xs text-gray-700" aria-label="SMS status" aria-live="polite">
      <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
      {status.detail && <span>{status.detail}</span>}
    </p>
  );
}
