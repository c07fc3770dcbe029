"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { deleteDocumentAction } from "../actions";

/** Delete, after a confirmation; `leaveTo` is where to go once the document is gone (its own page can't stay). */
export function DeleteDocumentButton({ documentId, fileName, leaveTo }: { documentId: number; fileName: string; leaveTo?: string }) {
  const form = useActionForm(deleteDocumentAction);
  const router = useRouter();
  useEffect(() => {
    if (form.ok && leaveTo) router.push(leaveTo);
  }, [form.ok, leaveTo, router]);
  return (
    <form
      action={form.action}
      onSubmit={(event) => {
        if (!window.confirm(`Delete ${fileName}? Credits it used stay spent.`)) event.preventDefault();
      }}
      className="inline-flex flex-col items-start gap-1"
    >
      <input type="hidden" name="documentId" value={documentId} />
      <Button type="submit" variant="link" className="text-sm text-red-700" pending={form.pending} pendingLabel="Deleting…" aria-label={`Delete ${fileName}`}>
        Delete
      </Button>
      {form.failed && <ActionFeedback state={form.state} className="text-xs!" />}
    </form>
  );
}
