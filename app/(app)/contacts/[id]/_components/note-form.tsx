"use client";

import { useTranslations } from "next-intl";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { FieldLabel } from "@/components/form";
import { postNoteAction } from "../actions";

export function NoteForm({ contactId }: { contactId: number }) {
  const t = useTranslations("contacts.note");
  const form = useActionForm(postNoteAction);
  return (
    <form action={form.action} className="space-y-2">
      <input type="hidden" name="contactId" value={contactId} />
      <FieldLabel htmlFor="note-body" hidden>{t("label")}</FieldLabel>
      <textarea
        id="note-body"
        name="body"
        rows={2}
        // React resets the form after its action: a refused note comes back as typed.
        defaultValue={form.value("body")}
        placeholder={t("placeholder")}
        className="block w-full resize-y rounded-md border border-gray-300 px-3 py-2 text-sm shadow-xs focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
      />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" pending={form.pending} pendingLabel={t("pending")}>
          {t("submit")}
        </Button>
        {form.failed && <ActionFeedback state={form.state} fieldsShown={false} />}
      </div>
    </form>
  );
}
