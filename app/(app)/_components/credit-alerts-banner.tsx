// On every page while they hold: to admins, the accounts that are empty or
// below their Warn Me threshold and the users at 80 % of a budget; to a user,
// their own budgets at 80 % or more. Server-rendered from the current
// balances, so it goes away as soon as credits are bought or a budget raised.
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session";
import { listCreditAlerts } from "@/lib/iap/credit-alerts";
import { listBudgetNotices } from "@/lib/iap/budgets";
import { formatCredits } from "@/lib/iap/units";
import { accountPath, buyCreditsPath } from "@/lib/routes";
import { serviceWords } from "../iap/_messages/service-words";

export async function CreditAlertsBanner({ user }: { user: SessionUser }) {
  const admin = user.role === "ADMIN";
  const [alerts, budgets] = await Promise.all([admin ? listCreditAlerts(user.companyId) : [], listBudgetNotices(user.companyId, admin ? null : user.id)]);
  if (alerts.length === 0 && budgets.length === 0) return null;
  const [t, iap, format, locale] = await Promise.all([getTranslations("common.creditAlerts"), getTranslations("iap"), getFormatter(), getLocale()]);
  // The service as the reader calls it ("短信", not the stored "SMS").
  const serviceName = (service: { technicalName: string; serviceName: string }) =>
    serviceWords(iap, { technicalName: service.technicalName, name: service.serviceName, unitName: "credits" }).name;
  // A budget month ("2026-12") by name: "December", with its year when it is not this year's.
  const monthName = (month: string) => {
    const [year, monthNumber] = month.split("-").map(Number);
    const sameYear = year === new Date().getUTCFullYear();
    return format.dateTime(new Date(Date.UTC(year, monthNumber - 1, 15)), { month: "long", ...(sameYear ? {} : { year: "numeric" }), timeZone: "UTC" });
  };
  return (
    <div role="region" aria-label={t("region")} className="space-y-px">
      {alerts.map((alert) => {
        const service = serviceName(alert);
        return (
          <p
            key={`credits-${alert.accountId}`}
            className={`flex flex-wrap items-center gap-x-3 px-4 py-2 text-sm sm:px-6 ${alert.level === "empty" ? "bg-red-50 text-red-900" : "bg-amber-50 text-amber-950"}`}
          >
            <span className="font-medium">{alert.level === "empty" ? t("emptyTitle", { service }) : t("lowTitle", { service })}</span>
            <span>
              {alert.level === "empty"
                ? t("emptyText", { service })
                : alert.unitName === "credits"
                  ? t("lowTextCredits", { available: formatCredits(alert.available, alert.decimals, { locale }), count: Number(alert.available) / 10 ** alert.decimals })
                  : // Another unit keeps its stored word.
                    t("lowText", { available: formatCredits(alert.available, alert.decimals, { locale }), unit: alert.unitName })}
            </span>
            <Link href={buyCreditsPath(alert.technicalName)} className="font-medium underline">
              {t("buyCredits")}
            </Link>
            <Link href={accountPath(alert.accountId)} className="underline">
              {t("account")}
            </Link>
          </p>
        );
      })}
      {budgets.map((notice) => {
        const figures = {
          limit: formatCredits(notice.limit, notice.decimals, { locale }),
          used: formatCredits(notice.used, notice.decimals, { locale }),
          service: serviceName(notice),
          month: monthName(notice.month),
        };
        const someoneElse = admin && notice.userId !== user.id;
        const full = notice.used >= notice.limit;
        return (
          <p key={`budget-${notice.accountId}-${notice.userId}`} className="flex flex-wrap items-center gap-x-3 bg-amber-50 px-4 py-2 text-sm text-amber-950 sm:px-6">
            <span className="font-medium">{full ? t("budgetFullTitle", figures) : t("budgetNearTitle", figures)}</span>
            <span>
              {someoneElse ? t("budgetOther", { ...figures, name: notice.userName }) : t("budgetYou", figures)}
              {full && notice.hard ? (admin ? t("budgetRefusedAdmin") : t("budgetRefusedUser")) : t("budgetEnd")}
            </span>
            {admin && (
              <Link href={`${accountPath(notice.accountId)}#budgets`} className="underline">
                {t("budgets")}
              </Link>
            )}
          </p>
        );
      })}
    </div>
  );
}
