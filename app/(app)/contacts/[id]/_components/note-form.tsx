"use client";

import { useActionState, useEffect, useRef } from "react";
import { Button } from "@/components/button";
import type { ContactFormState } from "@/lib/contacts/schemas";
import { postNoteAction } from "../actions";

export function NoteForm({ contactId }: { contactId: number }) {
  const [state, action, pending] = useActionState<ContactFormState, FormData>(postNoteAction, { ok: false, message: "" });
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={action} className="space-y-2">
      <input type="hidden" name="contactId" value={contactId} />
      <label htmlFor="note-body" className="sr-only">
        Note
      </label>
      <textarea
        id="note-body"
        name="body"
        rows={2}
        placeholder="Log an internal note…"
        className="block w-full resize-y rounded-md border border-gray-300 px-3 py-2 text-sm shadow-xs focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
      />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" pending={pending} pendingLabel="Logging…">
          Log note
        </Button>
        {state.message && !state.ok && (
          <p role="alert" className="text-sm text-red-700">
            {state.message}
          </p>
        )}
      </div>
    </form>
  );
}
