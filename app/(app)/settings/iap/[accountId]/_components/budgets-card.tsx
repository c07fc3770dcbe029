import { DataTable } from "@/components/data-table";
import { StatusBadge } from "@/components/status-badge";
import type { AccountBudgets } from "@/lib/iap/budgets";
import type { AccountView } from "./account-view";
import { BudgetForm } from "./budget-form";
import { Card } from "./card";

/** This month's budgets: the default for all users, then each user's use, own budget and its form. */
export function BudgetsCard({ view, budgets }: { view: AccountView; budgets: AccountBudgets }) {
  const { t, account, unit, plain, input } = view;
  const [budgetYear, budgetMonth] = budgets.month.split("-").map(Number);
  const budgetMonthLabel = view.monthYear.format(new Date(Date.UTC(budgetYear, budgetMonth - 1, 15)));
  return (
    <Card id="budgets" title={t("budgets.title", { month: budgetMonthLabel })}>
      <p className="text-sm text-gray-600">{t("budgets.intro", { unit })}</p>
      <div className="mt-4 flex flex-wrap items-center gap-3 rounded-md bg-gray-50 px-3 py-3">
        <span className="text-sm font-medium text-gray-900">{t("budgets.defaultForAll")}</span>
        <BudgetForm
          accountId={account.id}
          target="default"
          label={t("budgets.defaultLabel")}
          unitName={unit}
          initial={{
            limit: budgets.defaultBudget ? input(budgets.defaultBudget.limit) : "",
            mode: budgets.defaultBudget?.hard === false ? "soft" : "hard",
          }}
        />
      </div>
      <div className="mt-3">
        <DataTable
          framed={false}
          caption={t("budgets.caption")}
          rows={budgets.users}
          rowKey={(line) => line.userId}
          empty={<p className="py-2">{t("budgets.noUsers")}</p>}
          columns={[
            { key: "user", header: t("budgets.user"), rowHeader: true, cell: (line) => line.userName },
            {
              key: "used",
              header: t("budgets.usedThisMonth"),
              numeric: true,
              cell: (line) => (
                <>
                  {plain(line.used)}
                  {line.effective && <span className="text-gray-500"> / {plain(line.effective.limit)}</span>}
                  {line.effective && line.used * 5n >= line.effective.limit * 4n && (
                    <span className="ml-2">
                      <StatusBadge tone={line.used >= line.effective.limit ? "danger" : "warning"}>{line.used >= line.effective.limit ? t("budgets.usedUp") : t("budgets.eighty")}</StatusBadge>
                    </span>
                  )}
                </>
              ),
            },
            {
              key: "budget",
              header: t("budgets.own"),
              cell: (line) => (
                <BudgetForm
                  accountId={account.id}
                  target={line.userId}
                  label={t("budgets.budgetFor", { name: line.userName })}
                  unitName={unit}
                  initial={{ limit: line.own ? input(line.own.limit) : "", mode: line.own?.hard === false ? "soft" : "hard" }}
                />
              ),
            },
          ]}
        />
      </div>
    </Card>
  );
}
