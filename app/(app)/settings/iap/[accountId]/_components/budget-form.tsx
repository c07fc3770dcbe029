"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { saveBudgetAction } from "../actions";

/**
 * One budget line: a monthly limit (blank = none) and hard or soft, for a
 * user or for everyone without their own ("default").
 */
export function BudgetForm({
  accountId,
  target,
  label,
  initial,
  unitName,
}: {
  accountId: number;
  target: number | "default";
  /** Names the fields for assistive technology: "Budget for Demo User". */
  label: string;
  initial: { limit: string; mode: "hard" | "soft" };
  unitName: string;
}) {
  const t = useTranslations("iap.budgets");
  const form = useActionForm(saveBudgetAction);
  const id = useId();
  const errors = form.errors("limit");
  return (
    <form action={form.action} noValidate className="flex flex-wrap items-start gap-x-3 gap-y-1">
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="target" value={target} />
      <div>
        <label htmlFor={`${id}-limit`} className="sr-only">
          {t("limitLabel", { label, unit: unitName })}
        </label>
        <input
          id={`${id}-limit`}
          name="limit"
          inputMode="decimal"
          autoComplete="off"
          placeholder={t("noLimit")}
          defaultValue={form.value("limit", initial.limit)}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? `${id}-error` : undefined}
          className={`w-32 rounded-md border px-2 py-1.5 text-right text-sm tabular-nums shadow-xs ${errors?.length ? "border-red-500" : "border-gray-300"}`}
        />
      </div>
      <label className="sr-only" htmlFor={`${id}-mode`}>
        {t("modeLabel", { label })}
      </label>
      <select
        id={`${id}-mode`}
        name="mode"
        defaultValue={form.value("mode", initial.mode)}
        className="rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm shadow-xs"
      >
        <option value="hard">{t("hard")}</option>
        <option value="soft">{t("soft")}</option>
      </select>
      {/* "Set", not "Save": the page's Warn Me form owns the one "Save" button. */}
      <Button variant="secondary" pending={form.pending} pendingLabel={t("setting")}>
        {t("set")}
        <span className="sr-only"> {label.charAt(0).toLowerCase() + label.slice(1)}</span>
      </Button>
      <ActionFeedback state={form.state} className="basis-full" />
      {errors?.length ? (
        <p id={`${id}-error`} className="basis-full text-sm text-red-700">
          {errors[0]}
        </p>
      ) : null}
    </form>
  );
}
