"use client";

import { useTranslations } from "next-intl";
import { startTransition, useId, useState } from "react";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { FieldError } from "@/components/form";
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
  const form = useActionForm(saveAutoTopupAction);
  // Controlled fields, submitted from onSubmit like Warn Me: what was typed stays next to its error.
  const [values, setValues] = useState(initial);
  const [dirty, setDirty] = useState(false);
  const change = (patch: Partial<AutoTopupFormValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    setDirty(true);
  };
  const ids = { enabled: useId(), threshold: useId(), pack: useId(), cap: useId(), errors: useId() };
  const errors = form.fieldErrors;
  const described = (field: "threshold" | "packId" | "monthlyCap") => (errors[field]?.length ? `${ids.errors}-${field}` : undefined);

  return (
    <form
      noValidate
      aria-label={t("form")}
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        setDirty(false);
        startTransition(() => form.action(data));
      }}
    >
      <input type="hidden" name="accountId" value={accountId} />
      <div className="flex items-start gap-3">
        <input
          id={ids.enabled}
          type="checkbox"
          name="enabled"
          checked={values.enabled}
          onChange={(event) => change({ enabled: event.target.checked })}
          className="mt-0.5 size-4 rounded border-gray-300 accent-brand-600"
        />
        <div>
          <label htmlFor={ids.enabled} className="text-sm font-medium text-gray-900">
            {t("title")}
          </label>
          <p className="text-sm text-gray-600">{t("hint")}</p>
        </div>
      </div>

      {values.enabled && (
        <div className="space-y-3 pl-7 text-sm text-gray-800">
          <p className="flex flex-wrap items-center gap-x-2 gap-y-2">
            <label htmlFor={ids.threshold}>{t("whenBelow")}</label>
            <input
              id={ids.threshold}
              name="threshold"
              inputMode="decimal"
              autoComplete="off"
              value={values.threshold}
              onChange={(event) => change({ threshold: event.target.value })}
              aria-invalid={Boolean(errors.threshold?.length) || undefined}
              aria-describedby={described("threshold")}
              className={inputClasses(Boolean(errors.threshold?.length), "w-24")}
            />
            <span>{t("buy", { unit: unitName })}</span>
            <label htmlFor={ids.pack} className="sr-only">
              {t("pack")}
            </label>
            <select
              id={ids.pack}
              name="packId"
              value={values.packId}
              onChange={(event) => change({ packId: event.target.value })}
              aria-invalid={Boolean(errors.packId?.length) || undefined}
              aria-describedby={described("packId")}
              className={inputClasses(Boolean(errors.packId?.length), "w-auto")}
            >
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
            <input
              id={ids.cap}
              name="monthlyCap"
              inputMode="numeric"
              autoComplete="off"
              value={values.monthlyCap}
              onChange={(event) => change({ monthlyCap: event.target.value })}
              aria-invalid={Boolean(errors.monthlyCap?.length) || undefined}
              aria-describedby={described("monthlyCap")}
              className={inputClasses(Boolean(errors.monthlyCap?.length), "w-16")}
            />
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

      <div className="flex items-center gap-3">
        <Button type="submit" pending={form.pending} pendingLabel={values.enabled && needsCard ? t("openingStripe") : t("applying")}>
          {values.enabled && needsCard ? t("applyWithCard") : t("apply")}
        </Button>
        {!form.pending && !dirty && <ActionFeedback state={form.state} />}
      </div>
    </form>
  );
}
