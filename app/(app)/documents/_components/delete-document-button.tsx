"use client";

import { useTranslations } from "next-intl";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { deleteDocumentAction } from "../actions";

/** Delete, after a confirmation. On the document's own page (`onItsPage`), the list opens once it is gone. */
export function DeleteDocumentButton({ documentId, fileName, onItsPage = false }: { documentId: number; fileName: string; onItsPage?: boolean }) {
  const t = useTranslations("documents.delete");
  const form = useActionForm(deleteDocumentAction);
  return (
    <form
      action={form.action}
      onSubmit={(event) => {
        if (!window.confirm(t("confirm", { file: fileName }))) event.preventDefault();
      }}
      className="inline-flex flex-col items-start gap-1"
    >
      <input type="hidden" name="documentId" value={documentId} />
      <input type="hidden" name="from" value={onItsPage ? "page" : "list"} />
      <Button type="submit" variant="link" className="text-sm text-red-700" pending={form.pending} pendingLabel={t("pending")} aria-label={t("labelFor", { file: fileName })}>
        {t("button")}
      </Button>
      {form.failed && <ActionFeedback state={form.state} className="text-xs!" />}
    </form>
  );
}
