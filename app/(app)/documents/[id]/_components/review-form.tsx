"use client";

import { useTranslations } from "next-intl";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { TextField } from "@/components/form";
import { useUnsavedChanges } from "@/components/unsaved-changes";
import { useState } from "react";
import { FIELD_NAMES, type ExtractedFields, type FieldName } from "@/lib/digitization/extract/types";
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
  const t = useTranslations("documents");
  const form = useActionForm(confirmDocumentAction);
  // Corrections typed and not confirmed yet (a confirmed document leaves the review form behind).
  const [dirty, setDirty] = useState(false);
  useUnsavedChanges(dirty && !form.ok && !form.pending);
  // Doubted fields first: they are the reviewer's work.
  const low = (name: FieldName) => fields[name].confidence < REVIEW_CONFIDENCE;
  const ordered = [...FIELD_NAMES.filter(low), ...FIELD_NAMES.filter((name) => !low(name))];
  const flagged = ordered.filter(low).length;
  return (
    <form action={form.action} onInput={() => setDirty(true)} className="space-y-3" noValidate>
      <input type="hidden" name="documentId" value={documentId} />
      <p className="text-sm text-gray-700">
        {flagged === 0 ? t("review.allConfident") : t("review.toCheck", { count: flagged })}
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        {ordered.map((name) => {
          const field = fields[name];
          const percent = Math.round(field.confidence * 100);
          const why = field.value === null ? t("flags.not_found") : field.flags.map((flag) => t(`flags.${flag}`)).join(" ") || t("review.checkValue");
          return (
            <div
              key={name}
              data-low-confidence={low(name) || undefined}
              className={`rounded-md p-2 ${low(name) ? "bg-amber-50 ring-1 ring-amber-300" : ""} ${name === "vendorName" ? "sm:col-span-2" : ""}`}
            >
              <TextField
                label={t(`fields.${name}`)}
                name={name}
                // After a refusal, the corrections as typed (React resets the form after its action).
                defaultValue={form.value(name, field.value ?? "")}
                placeholder={HINTS[name]}
                errors={form.errors(name)}
                hint={
                  low(name) ? (
                    <span className="text-amber-900">
                      <span aria-hidden>⚠ </span>
                      {t("review.unsure", { why, percent })}
                    </span>
                  ) : (
                    t("review.sure", { percent })
                  )
                }
              />
            </div>
          );
        })}
      </div>
      <ActionFeedback state={form.state} />
      <Button type="submit" pending={form.pending} pendingLabel={t("review.pending")}>
        {t("review.submit")}
      </Button>
    </form>
  );
}
