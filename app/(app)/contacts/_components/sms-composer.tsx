"use client";

import { useId } from "react";
import { useLocale, useTranslations } from "next-intl";
import { FieldLabel } from "@/components/form";
import { formatCredits } from "@/lib/iap/units";
import { countSegments, encodingLabel, MAX_SMS_PARTS } from "@/lib/sms/segments";

/** Message box with the live counter and cost estimate, for one SMS or a mass SMS. */
export function SmsComposer({
  value,
  onChange,
  costFor,
  decimals,
  error,
  autoFocus,
}: {
  value: string;
  onChange: (value: string) => void;
  /** Units for a message of `parts` parts (to one number or to all), or null if unknown. */
  costFor: (parts: number) => bigint | null;
  decimals: number;
  error?: string;
  autoFocus?: boolean;
}) {
  const t = useTranslations("sms.composer");
  const locale = useLocale();
  const id = useId();
  const segments = countSegments(value);
  const tooLong = segments.parts > MAX_SMS_PARTS;
  const cost = segments.parts > 0 ? costFor(segments.parts) : null;
  return (
    <div>
      <FieldLabel htmlFor={id}>{t("message")}</FieldLabel>
      <textarea
        id={id}
        name="body"
        rows={5}
        value={value}
        autoFocus={autoFocus}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={`${id}-count ${id}-cost${error ? ` ${id}-error` : ""}`}
        aria-invalid={tooLong || Boolean(error) || undefined}
        className="mt-1 block w-full resize-y rounded-md border border-gray-300 px-3 py-2 text-sm shadow-xs focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
      />
      <div className="mt-1 flex flex-wrap justify-between gap-2 text-sm">
        <p id={`${id}-count`} aria-live="polite" className={tooLong ? "text-red-700" : "text-gray-600"}>
          {t("segments", { characters: segments.characters, parts: segments.parts, encoding: encodingLabel(segments.encoding) })}
          {tooLong && t("tooLong", { max: MAX_SMS_PARTS })}
        </p>
        <p id={`${id}-cost`} aria-live="polite" className="font-medium text-gray-800">
          {cost === null ? "" : t("cost", { credits: formatCredits(cost, decimals, { locale }), count: Number(cost) / 10 ** decimals })}
        </p>
      </div>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

export function TestModeNotice() {
  const t = useTranslations("sms.composer");
  return (
    <p className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
      <strong className="font-semibold">{t("testModeTitle")}</strong> {t("testModeBody")}
    </p>
  );
}
