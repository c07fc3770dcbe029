import type { ChatterEntry } from "@/lib/contacts/chatter";
import { DateTime } from "@/components/date-time";
import { NoteForm } from "./note-form";

const KIND: Record<ChatterEntry["kind"], { label: string; className: string }> = {
  NOTE: { label: "Note", className: "bg-gray-100 text-gray-700" },
  SMS: { label: "SMS", className: "bg-brand-100 text-brand-700" },
  EMAIL: { label: "E-mail", className: "bg-sky-100 text-sky-800" },
  SYSTEM: { label: "System", className: "bg-amber-100 text-amber-900" },
};

/** The contact's history, newest first, with a box to log a note. */
export function Chatter({ contactId, entries }: { contactId: number; entries: ChatterEntry[] }) {
  return (
    <section aria-labelledby="chatter-title" className="rounded-lg border border-gray-200 bg-white shadow-xs">
      <div className="border-b border-gray-200 px-4 py-3">
        <h2 id="chatter-title" className="font-semibold">
          Chatter
        </h2>
      </div>
      <div className="px-4 py-3">
        <NoteForm contactId={contactId} />
      </div>
      {entries.length === 0 ? (
        <p className="px-4 pb-4 text-sm text-gray-500">No messages yet. SMS sent to this contact and notes appear here.</p>
      ) : (
        <ol aria-label="Messages" className="divide-y divide-gray-100">
          {entries.map((entry) => {
            const kind = KIND[entry.kind];
            const failed = entry.kind === "SMS" && entry.body.startsWith("SMS not sent");
            return (
              <li key={entry.id} className="px-4 py-3">
                <div className="flex flex-wrap items-center gap-2 text-xs text-gray-600">
                  <span className={`rounded px-1.5 py-0.5 font-medium ${failed ? "bg-red-100 text-red-800" : kind.className}`}>{failed ? "SMS failed" : kind.label}</span>
                  <span className="font-medium text-gray-800">{entry.author ?? "System"}</span>
                  <span aria-hidden>·</span>
                  <DateTime value={entry.createdAt} />
                </div>
                <p className="mt-1.5 text-sm break-words whitespace-pre-wrap text-gray-900">{entry.body}</p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
