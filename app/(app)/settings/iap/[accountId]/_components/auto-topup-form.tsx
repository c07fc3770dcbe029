"use client";

import { useTranslations } from "next-intl";
import { useId, type ChangeEvent } from "react";
import { ActionFeedback } from "@/components/action-feedback";
import { CheckboxField, FieldError, FieldLabel, SubmitRow } from "@/components/form";
import { useKeptValuesForm } from "@/components/kept-values-form";
import { saveAutoTopupAction } from "../actions";

export interface AutoTopupFormValues {
  enabled: boolean;
  threshold: string;
  packId: string;
  monthlyCap: string;
}

const inputClasses = (invalid: boolean, width: string) =>
  `${width} rounded-md border px-2 py-1.5 text-sm shadow-xs focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 ${invalid ? "border-red-500" : "border-gray-300"}`;

/** "When the balance falls below [N], buy [pack] automatically, at most [M] times per month." */
export function AutoTopupForm({
  accountId,
  initial,
  packs,
  unitName,
  needsCard,
}: {
  accountId: number;
  initial: AutoTopupFormValues;
  packs: { id: number; label: string }[];
  unitName: string;
  /** Stripe is configured and no card is saved: saving opens Stripe to save one. */
  needsCard: boolean;
}) {
  const t = useTranslations("iap.autoTopup");
  const form = useKeptValuesForm(saveAutoTopupAction, initial);
  const { values, change } = form;
  const ids = { threshold: useId(), pack: useId(), cap: useId(), errors: useId() };
  const errors = form.fieldErrors;
  // What each control inside the sentence takes: its kept value, and its error tied to it.
  const inline = (field: "threshold" | "packId" | "monthlyCap", width: string) => {
    const invalid = Boolean(errors[field]?.length);
    return {
      name: field,
      value: values[field],
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => change({ [field]: event.target.value }),
      "aria-invalid": invalid || undefined,
      "aria-describedby": invalid ? `${ids.errors}-${field}` : undefined,
      className: inputClasses(invalid, width),
    };
  };

  return (
    <form noValidate aria-label={t("form")} className="space-y-4" onSubmit={form.onSubmit}>
      <input type="hidden" name="accountId" value={accountId} />
      <CheckboxField label={t("title")} hint={t("hint")} name="enabled" checked={values.enabled} onChange={(event) => change({ enabled: event.target.checked })} />

      {values.enabled && (
        <div className="space-y-3 pl-7 text-sm text-gray-800">
          <p className="flex flex-wrap items-center gap-x-2 gap-y-2">
            <label htmlFor={ids.threshold}>{t("whenBelow")}</label>
            <input id={ids.threshold} inputMode="decimal" autoComplete="off" {...inline("threshold", "w-24")} />
            <span>{t("buy", { unit: unitName })}</span>
            <FieldLabel htmlFor={ids.pack} hidden>{t("pack")}</FieldLabel>
            <select id={ids.pack} {...inline("packId", "w-auto")}>
              {packs.map((pack) => (
                <option key={pack.id} value={pack.id}>
                  {pack.label}
                </option>
              ))}
            </select>
            <span>{t("automatically")}</span>
          </p>
          <p className="flex flex-wrap items-center gap-x-2 gap-y-2">
            <label htmlFor={ids.cap}>{t("atMost")}</label>
            <input id={ids.cap} inputMode="numeric" autoComplete="off" {...inline("monthlyCap", "w-16")} />
            <span>{t("perMonth")}</span>
          </p>
          {(["threshold", "packId", "monthlyCap"] as const).map((field) =>
            errors[field]?.length ? (
              <FieldError key={field} id={`${ids.errors}-${field}`}>
                {errors[field]![0]}
              </FieldError>
            ) : null,
          )}
          {needsCard && <p className="text-gray-600">{t("needsCard")}</p>}
        </div>
      )}

      <SubmitRow
        label={values.enabled && needsCard ? t("applyWithCard") : t("apply")}
        pendingLabel={values.enabled && needsCard ? t("openingStripe") : t("applying")}
        pending={form.pending}
      >
        {!form.pending && !form.dirty && <ActionFeedback state={form.state} />}
      </SubmitRow>
    </form>
  );
}
