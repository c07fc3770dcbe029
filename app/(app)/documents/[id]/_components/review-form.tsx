"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { TextField } from "@/components/form";
import { FIELD_NAMES, type ExtractedFields, type FieldName } from "@/lib/digitization/extract/types";
import { REVIEW_CONFIDENCE } from "@/lib/digitization/limits";
import { confirmDocumentAction, type ReviewState } from "../actions";
import { FIELD_LABELS, FLAG_MESSAGES } from "./words";

const HINTS: Partial<Record<FieldName, string>> = {
  invoiceDate: "YYYY-MM-DD",
  dueDate: "YYYY-MM-DD",
  subtotal: "1234.50",
  tax: "1234.50",
  total: "1234.50",
};

export function ReviewForm({ documentId, fields }: { documentId: number; fields: ExtractedFields }) {
  const [state, action, pending] = useActionState<ReviewState | null, FormData>(confirmDocumentAction.bind(null, documentId), null);
  // Doubted fields first: they are the reviewer's work.
  const low = (name: FieldName) => fields[name].confidence < REVIEW_CONFIDENCE;
  const ordered = [...FIELD_NAMES.filter(low), ...FIELD_NAMES.filter((name) => !low(name))];
  const flagged = ordered.filter(low).length;
  return (
    <form action={action} className="space-y-3" noValidate>
      <p className="text-sm text-gray-700">
        {flagged === 0 ? "Every field was read with confidence." : `${flagged} field${flagged === 1 ? "" : "s"} to check, shown first.`}
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        {ordered.map((name) => {
          const field = fields[name];
          const percent = Math.round(field.confidence * 100);
          const why = field.value === null ? FLAG_MESSAGES.not_found : field.flags.map((flag) => FLAG_MESSAGES[flag]).join(" ") || "Check this value.";
          // After a refused Confirm, what the reviewer typed (React resets the form to these defaults).
          const value = state?.values?.[name] ?? field.value ?? "";
          return (
            <div
              key={name}
              data-low-confidence={low(name) || undefined}
              className={`rounded-md p-2 ${low(name) ? "bg-amber-50 ring-1 ring-amber-300" : ""} ${name === "vendorName" ? "sm:col-span-2" : ""}`}
            >
              <TextField
                label={FIELD_LABELS[name]}
                name={name}
                defaultValue={value}
                placeholder={HINTS[name]}
                errors={state?.fieldErrors?.[name]}
                hint={
                  low(name) ? (
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
