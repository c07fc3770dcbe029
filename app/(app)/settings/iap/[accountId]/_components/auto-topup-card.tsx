import { DateTime } from "@/components/date-time";
import type { AutoTopupView } from "@/lib/billing/auto-topup/settings";
import { formatPackCredits } from "@/lib/billing/pack-pricing";
import type { Pack } from "@/lib/billing/packs";
import type { AccountView } from "./account-view";
import { AutoTopupForm } from "./auto-topup-form";
import { Card } from "./card";
import { packName } from "../../../../iap/_messages/service-words";

/** The first of next month, as a day of the year in the reader's language ("1 January", "1 janvier", "1月1日"). */
function monthAfter(locale: string, date = new Date()): string {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)).toLocaleDateString(locale === "en" ? "en-GB" : locale, { day: "numeric", month: "long", timeZone: "UTC" });
}

/** Auto top-up: whether it is on (or why it went off), and its form. `cardSetup` is Stripe's answer when back from its card page. */
export function AutoTopupCard({ view, autoTopup, packs, cardSetup }: { view: AccountView; autoTopup: AutoTopupView; packs: Pack[]; cardSetup: string | undefined }) {
  const { t, locale, account, unit, money, input } = view;
  return (
    <Card id="auto-topup" title={t("autoTopup.title")}>
      <div className="space-y-4">
        <p className="text-sm" data-testid="auto-topup-status">
          {autoTopup.enabled ? (
            <span className="font-medium text-green-800">
              {t("autoTopup.on")}
              {autoTopup.cardLabel && t("autoTopup.paidWith", { card: autoTopup.cardLabel })}
              {autoTopup.monthlyCap !== null && t("autoTopup.used", { used: autoTopup.thisMonth, cap: autoTopup.monthlyCap })}
              {autoTopup.inFlight && t("autoTopup.inFlight")}
            </span>
          ) : (
            <span className="font-medium text-gray-700">{t("autoTopup.off")}</span>
          )}
        </p>
        {!autoTopup.enabled && autoTopup.disabledReason && (
          <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
            <p className="font-medium">
              {autoTopup.disabledAt ? t.rich("autoTopup.turnedOffOn", { date: () => <DateTime value={autoTopup.disabledAt} /> }) : t("autoTopup.turnedOff")}
            </p>
            <p>
              {t.has(`autoTopup.offReasons.${autoTopup.disabledReason}`)
                ? t(`autoTopup.offReasons.${autoTopup.disabledReason}`)
                : t("autoTopup.paymentFailed", { reason: autoTopup.disabledReason })}
            </p>
            {autoTopup.disabledMessage && <p className="mt-1 text-red-800">{t("autoTopup.stripeSaid", { message: autoTopup.disabledMessage })}</p>}
          </div>
        )}
        {autoTopup.enabled && autoTopup.capped && (
          <div role="status" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950">
            <p className="font-medium">{t("autoTopup.cappedTitle")}</p>
            <p>{t("autoTopup.cappedBody", { used: autoTopup.thisMonth, cap: autoTopup.monthlyCap ?? 0, date: monthAfter(locale) })}</p>
          </div>
        )}
        {cardSetup === "cancelled" && (
          <p role="status" className="text-sm text-amber-900">
            {t("autoTopup.cardCancelled")}
          </p>
        )}
        {packs.length > 0 && (
          <AutoTopupForm
            accountId={account.id}
            unitName={unit}
            needsCard={autoTopup.needsCard}
            packs={packs.map((pack) => ({
              id: pack.id,
              label: t("autoTopup.packLabel", { pack: packName(t, pack), credits: formatPackCredits(pack.credits, account.decimals, locale), unit, price: money(pack.price, pack.currency) }),
            }))}
            initial={{
              enabled: autoTopup.enabled,
              threshold: autoTopup.threshold === null ? "" : input(autoTopup.threshold),
              packId: String(autoTopup.packId ?? packs[Math.min(1, packs.length - 1)].id),
              monthlyCap: String(autoTopup.monthlyCap ?? 3),
            }}
          />
        )}
      </div>
    </Card>
  );
}
