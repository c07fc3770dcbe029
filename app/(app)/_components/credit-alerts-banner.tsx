// On every page while they hold: to admins, the accounts that are empty or
// below their Warn Me threshold and the users at 80 % of a budget; to a user,
// their own budgets at 80 % or more. Server-rendered from the current
// balances, so it goes away as soon as credits are bought or a budget raised.
import Link from "next/link";
import type { SessionUser } from "@/lib/auth/session";
import { listCreditAlerts } from "@/lib/iap/account-views";
import { listBudgetNotices } from "@/lib/iap/budgets";
import { formatCredits } from "@/lib/iap/units";
import { accountPath, buyCreditsPath } from "@/lib/routes";
import { budgetMonthName } from "@/components/budget-exceeded-notice";

export async function CreditAlertsBanner({ user }: { user: SessionUser }) {
  const admin = user.role === "ADMIN";
  const [alerts, budgets] = await Promise.all([admin ? listCreditAlerts(user.companyId) : [], listBudgetNotices(user.companyId, admin ? null : user.id)]);
  if (alerts.length === 0 && budgets.length === 0) return null;
  return (
    <div role="region" aria-label="Credit alerts" className="space-y-px">
      {alerts.map((alert) => (
        <p
          key={`credits-${alert.accountId}`}
          className={`flex flex-wrap items-center gap-x-3 px-4 py-2 text-sm sm:px-6 ${alert.level === "empty" ? "bg-red-50 text-red-900" : "bg-amber-50 text-amber-950"}`}
        >
          <span className="font-medium">{alert.level === "empty" ? `${alert.serviceName} has run out of credits` : `${alert.serviceName} credits are running short`}</span>
          <span>
            {alert.level === "empty"
              ? `${alert.serviceName} cannot be used until credits are bought.`
              : `${formatCredits(alert.available, alert.decimals)} ${alert.unitName} available, under your warning threshold.`}
          </span>
          <Link href={buyCreditsPath(alert.technicalName)} className="font-medium underline">
            Buy credits
          </Link>
          <Link href={accountPath(alert.accountId)} className="underline">
            Account
          </Link>
        </p>
      ))}
      {budgets.map((notice) => {
        const limit = formatCredits(notice.limit, notice.decimals);
        const used = formatCredits(notice.used, notice.decimals);
        const who = admin && notice.userId !== user.id ? `${notice.userName} has` : "You have";
        const whose = admin && notice.userId !== user.id ? "their" : "your";
        const full = notice.used >= notice.limit;
        return (
          <p key={`budget-${notice.accountId}-${notice.userId}`} className="flex flex-wrap items-center gap-x-3 bg-amber-50 px-4 py-2 text-sm text-amber-950 sm:px-6">
            <span className="font-medium">{full ? `${notice.serviceName} budget used up` : `${notice.serviceName} budget at 80 %`}</span>
            <span>
              {who} used {used} of {whose} {limit} {notice.serviceName} credits for {budgetMonthName(notice.month)}
              {full && notice.hard ? (admin ? "; further use is refused until the budget is raised." : " — ask an administrator to raise your budget.") : "."}
            </span>
            {admin && (
              <Link href={`${accountPath(notice.accountId)}#budgets`} className="underline">
                Budgets
              </Link>
            )}
          </p>
        );
      })}
    </div>
  );
}
