"use client";

import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { TextField } from "@/components/form";
import { useUnsavedChanges } from "@/components/unsaved-changes";
import { useState } from "react";
import { FIELD_LABELS, FIELD_NAMES, type ExtractedFields, type FieldName } from "@/lib/digitization/extract/types";
import { REVIEW_CONFIDENCE } from "@/lib/digitization/limits";
import { confirmDocumentAction } from "../actions";

const HINTS: Partial<Record<FieldName, string>> = {
  invoiceDate: "YYYY-MM-DD",
  dueDate: "YYYY-MM-DD",
  subtotal: "1234.50",
  tax: "1234.50",
  total: "1234.50",
};

export function ReviewForm({ documentId, fields }: { documentId: number; fields: ExtractedFields }) {
  const form = useActionForm(confirmDocumentAction);
  // Corrections typed and not confirmed yet (a confirmed document leaves the review form behind).
  const [dirty, setDirty] = useState(false);
  useUnsavedChanges(dirty && !form.ok && !form.pending);
  return (
    <form action={form.action} onInput={() => setDirty(true)} className="space-y-3" noValidate>
      <input type="hidden" name="documentId" value={documentId} />
      <div className="grid gap-3 sm:grid-cols-2">
        {FIELD_NAMES.map((name) => {
          const field = fields[name];
          const low = field.confidence < REVIEW_CONFIDENCE;
          const percent = Math.round(field.confidence * 100);
          const why = field.value === null ? "Not found: enter it from the document." : field.flags.join(" ") || "Check this value.";
          return (
            <div
              key={name}
              data-low-confidence={low || undefined}
              className={`rounded-md p-2 ${low ? "bg-amber-50 ring-1 ring-amber-300" : ""} ${name === "vendorName" ? "sm:col-span-2" : ""}`}
            >
              <TextField
                label={FIELD_LABELS[name]}
                name={name}
                // After a refusal, the corrections as typed (React resets the form after its action).
                defaultValue={form.value(name, field.value ?? "")}
                placeholder={HINTS[name]}
                errors={form.errors(name)}
                hint={
                  low ? (
                    <span className="text-amber-900">
                      <span aria-hidden>⚠ </span>
                      {why} ({percent}% sure)
                    </span>
                  ) : (
                    `${percent}% sure`
                  )
                }
              />
            </div>
          );
        })}
      </div>
      <ActionFeedback state={form.state} />
      <Button type="submit" pending={form.pending} pendingLabel="Confirming…">
        Confirm
      </Button>
    </form>
  );
}
