import { notFound } from "next/navigation";
import { buttonClasses } from "@/components/button";
import { DateTime } from "@/components/date-time";
import { DescriptionList } from "@/components/description-list";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { confirmCardSetup } from "@/lib/billing/auto-topup/card-setup";
import { getAutoTopup } from "@/lib/billing/auto-topup/settings";
import { listAccountPacks } from "@/lib/billing/packs";
import { getAccountDetail, listOpenHolds, listPurchases } from "@/lib/iap/account-views";
import { listBudgets } from "@/lib/iap/budgets";
import { creditStatus, showsLowCreditNotice } from "@/lib/iap/credit-status";
import { listHistory } from "@/lib/iap/history";
import { historyFilterParams, historyFilterSchema, type HistoryFilter } from "@/lib/iap/history-filter";
import { accountUsage, type UsagePeriod } from "@/lib/iap/usage";
import { buyCreditsPath } from "@/lib/routes";
import { parseBigId, parseId } from "@/lib/http/params";
import type { SearchParams } from "@/lib/http/search-params";
import { sayIssues } from "@/lib/i18n/issues";
import { CreditBadge } from "../_components/credit-badge";
import { accountView } from "./_components/account-view";
import { AutoTopupCard } from "./_components/auto-topup-card";
import { BudgetsCard } from "./_components/budgets-card";
import { Card } from "./_components/card";
import { HistoryCard } from "./_components/history-card";
import { HoldsCard } from "./_components/holds-card";
import { PurchasesCard } from "./_components/purchases-card";
import { UsageCard } from "./_components/usage-card";
import { WarningForm } from "./_components/warning-form";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("iap", "account.title");

// Account Information: the balance and Warn Me, usage at a glance, budgets,
// auto top-up, the credit history, open holds and purchases. Every read is
// scoped by the admin's company and they run at once; each card is its own
// component (./_components) fed what was read here.
export default async function AccountPage({ params, searchParams }: { params: Promise<{ accountId: string }>; searchParams: SearchParams }) {
  const { accountId: rawId } = await params;
  const path = `/settings/iap/${rawId}`;
  const user = await requireAdmin(path);
  const accountId = parseId(rawId);
  if (accountId === null) notFound();
  const query = await searchParams;
  const one = (key: string) => (typeof query[key] === "string" ? (query[key] as string) : undefined);
  const before = parseBigId(one("before"));
  const period: UsagePeriod = one("period") === "90" ? 90 : 30;
  // A filter that does not parse is shown with its errors and filters nothing.
  const parsedFilter = historyFilterSchema.safeParse({ kind: one("kind"), user: one("user"), from: one("from"), to: one("to"), q: one("q") });
  const filter: HistoryFilter = parsedFilter.success ? parsedFilter.data : {};

  const cardSetup = one("card_setup");
  // Back from Stripe's card page: keep the card now rather than wait for the webhook.
  if (cardSetup !== undefined && cardSetup !== "cancelled") await confirmCardSetup(user.companyId, cardSetup);
  const [account, history, holds, purchases, usage, budgets, autoTopup, packs] = await Promise.all([
    getAccountDetail(user.companyId, accountId),
    listHistory(user.companyId, accountId, filter, { before }),
    listOpenHolds(user.companyId, accountId),
    listPurchases(user.companyId, accountId),
    accountUsage(user.companyId, accountId, period),
    listBudgets(user.companyId, accountId),
    getAutoTopup(user.companyId, accountId),
    listAccountPacks(user.companyId, accountId),
  ]);
  if (!account || !usage || !budgets) notFound();

  const view = await accountView(account);
  const { t, locale, words, unit, credits, input } = view;
  const filterErrors = parsedFilter.success ? [] : sayIssues(parsedFilter.error, locale).issues.map((issue) => issue.message);
  const filterParams = historyFilterParams(filter);
  const withParams = (extra: Record<string, string>) => {
    const params = new URLSearchParams(filterParams);
    if (period !== 30) params.set("period", String(period));
    for (const [key, value] of Object.entries(extra)) params.set(key, value);
    const text = params.toString();
    return text ? `${path}?${text}` : path;
  };
  const status = creditStatus(account);

  return (
    <>
      <PageHeader
        crumbs={[{ label: t("crumbs.settings"), href: "/settings" }, { label: t("crumbs.iapAccount"), href: "/settings/iap" }, { label: words.name }]}
        actions={
          <a href={buyCreditsPath(account.technicalName)} target="_blank" rel="noopener" className={buttonClasses("primary")}>
            {t("account.buyCredit")}
            <span className="sr-only">{t("account.opensNewTab")}</span>
          </a>
        }
      />
      <div className="mx-auto max-w-5xl space-y-6 px-4 py-6 sm:px-6">
        {status === "no-credits" && (
          <div role="status" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
            <p className="font-medium">{t("account.noCreditsTitle")}</p>
            <p>{t("account.noCreditsBody", { service: words.name })}</p>
          </div>
        )}
        {showsLowCreditNotice(account) && (
          <div role="status" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950">
            <p className="font-medium">{t("account.lowTitle")}</p>
            <p>
              {status === "low-credits" && account.warningThreshold !== null
                ? t("account.lowLeftBelow", { credits: credits(account.balance), threshold: credits(account.warningThreshold) })
                : t("account.lowLeft", { credits: credits(account.balance) })}
            </p>
            <p>
              {account.warnedAt
                ? t.rich(account.warningEmail ? "account.lastWarningTo" : "account.lastWarning", {
                    date: () => <DateTime value={account.warnedAt} />,
                    email: account.warningEmail ?? "",
                  })
                : t("account.noWarningYet")}
            </p>
          </div>
        )}

        <Card id="account-information" title={t("account.title")}>
          <DescriptionList
            items={[
              {
                term: t("account.service"),
                details: (
                  <>
                    <span className="font-medium">{words.name}</span>
                    <p className="text-sm text-gray-600">{words.description}</p>
                  </>
                ),
              },
              {
                term: t("account.balance"),
                className: "flex flex-wrap items-center gap-2",
                details: (
                  <>
                    <span className="text-lg font-semibold tabular-nums">{credits(account.balance)}</span>
                    <CreditBadge account={account} />
                  </>
                ),
              },
              account.held > 0n && {
                term: t("account.available"),
                className: "tabular-nums",
                details: (
                  <>
                    {credits(account.balance - account.held)} <span className="text-sm text-gray-600">{t("account.reserved", { credits: credits(account.held) })}</span>
                  </>
                ),
              },
            ]}
          />
          <div className="mt-5 border-t border-gray-100 pt-5">
            <WarningForm
              accountId={account.id}
              unitName={unit}
              decimals={account.decimals}
              companyLanguage={t(`warning.languageNames.${account.companyLocale}`)}
              initial={{
                warnEnabled: account.warnEnabled,
                threshold: account.warningThreshold === null ? "" : input(account.warningThreshold),
                email: account.warningEmail ?? user.email,
                warningLocale: account.warningLocale ?? "",
              }}
            />
          </div>
        </Card>

        <UsageCard view={view} usage={usage} period={period} periodHref={(days) => withParams({ period: String(days) })} />
        <BudgetsCard view={view} budgets={budgets} />
        <AutoTopupCard view={view} autoTopup={autoTopup} packs={packs} cardSetup={cardSetup} />
        <HistoryCard
          view={view}
          history={history}
          filter={filter}
          raw={one}
          filterErrors={filterErrors}
          filterParams={filterParams}
          before={before}
          period={period}
          path={path}
          users={budgets.users}
          pageHref={withParams}
        />
        <HoldsCard view={view} holds={holds} />
        <PurchasesCard view={view} purchases={purchases} path={path} />
      </div>
    </>
  );
}
