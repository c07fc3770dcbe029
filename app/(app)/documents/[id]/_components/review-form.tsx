"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { TextField } from "@/components/form";
import { FIELD_LABELS, FIELD_NAMES, type ExtractedFields, type FieldName } from "@/lib/digitization/extract/types";
import { REVIEW_CONFIDENCE } from "@/lib/digitization/limits";
import { confirmDocumentAction, type ReviewState } from "../actions";

const HINTS: Partial<Record<FieldName, string>> = {
  invoiceDate: "YYYY-MM-DD",
  dueDate: "YYYY-MM-DD",
  subtotal: "1234.50",
  tax: "1234.50",
  total: "1234.50",
};

export function ReviewForm({ documentId, fields }: { documentId: number; fields: ExtractedFields }) {
  const [state, action, pending] = useActionState<ReviewState | null, FormData>(confirmDocumentAction.bind(null, documentId), null);
  return (
    <form action={action} className="space-y-3" noValidate>
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
                defaultValue={field.value ?? ""}
                placeholder={HINTS[name]}
                errors={state?.fieldErrors?.[name]}
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
      {state && (
        <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-green-700" : "font-medium text-red-700"}`}>
          {state.message}
        </p>
      )}
      <Button type="submit" pending={pending} pendingLabel="Confirming…">
        Confirm
      </Button>
    </form>
  );
}
