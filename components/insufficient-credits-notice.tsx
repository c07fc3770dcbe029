// The one "not enough credits" prompt, whatever service ran out: what the
// operation needs, what the account has, and "Buy credits" opening the
// service's Buy Credits page in a new tab (the user's work stays open here).
// Actions get its props from lib/actions (a thrown InsufficientCreditsError
// becomes `state.prompt`); pages build them with buyCreditsPrompt(). It
// renders on server or client, in the reader's language (messages/<locale>/iap.json, `prompt`).
import { useLocale, useTranslations } from "next-intl";
import type { BuyCreditsPrompt } from "@/lib/iap/insufficient-credits";
import { formatCredits } from "@/lib/iap/units";

/** Pages that count for themselves may give formatted figures only (`needed`, `available`) and no technical name. */
export type InsufficientCreditsProps = Omit<BuyCreditsPrompt, "kind">;

export function InsufficientCreditsNotice({ service, technicalName, needed, available, neededUnits, availableUnits, decimals = 0, buyUrl, attempt, attemptCount = 1 }: InsufficientCreditsProps) {
  const t = useTranslations("iap");
  const locale = useLocale();
  // The name in the reader's language when the catalogue knows the service (the stored name otherwise).
  const name = technicalName && t.has(`services.${technicalName}.name`) ? t(`services.${technicalName}.name`) : service;
  const figure = (units: string | undefined, formatted: string) => (units === undefined ? formatted : formatCredits(BigInt(units), decimals, { locale }));
  const values = { service: name, needed: figure(neededUnits, needed), available: figure(availableUnits, available) };
  return (
    <div role="alert" className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2.5 text-sm text-amber-900">
      <p>{attempt ? t("prompt.notEnoughTo", { ...values, attempt: t(`prompt.attempts.${attempt}`, { count: attemptCount }) }) : t("prompt.notEnoughFor", values)}</p>
      <a
        href={buyUrl}
        target="_blank"
        rel="noopener"
        className="inline-flex items-center gap-1.5 rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white shadow-xs hover:bg-brand-700"
      >
        {t("prompt.buy")}
        <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-3.5">
          <path d="M11 3a1 1 0 1 0 0 2h2.59l-6.3 6.3a1 1 0 1 0 1.42 1.4L15 6.42V9a1 1 0 1 0 2 0V4a1 1 0 0 0-1-1h-5Z" />
          <path d="M5 5a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2v-3a1 1 0 1 0-2 0v3H5V7h3a1 1 0 0 0 0-2H5Z" />
        </svg>
        <span className="sr-only">{t("prompt.newTab")}</span>
      </a>
    </div>
  );
}
