import { buttonClasses } from "@/components/button";
import { DataTable } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { StatusBadge, type Tone } from "@/components/status-badge";
import type { PurchaseLine } from "@/lib/iap/account-views";
import { purchaseState, type PurchaseState } from "@/lib/iap/credit-status";
import type { AccountView } from "./account-view";
import { Card } from "./card";
import { packName } from "../../../../iap/_messages/service-words";

const PURCHASE_TONE = {
  pending: "neutral",
  paid: "success",
  refunded: "warning",
  partly_refunded: "warning",
  disputed: "danger",
  dispute_won: "success",
  dispute_lost: "danger",
  failed: "danger",
  expired: "neutral",
  canceled: "neutral",
} as const satisfies Record<PurchaseState, Tone>;

/** The account's purchases: pack, credits, price, state (refunds, disputes, failures), credits taken back, invoice. */
export function PurchasesCard({ view, purchases, path }: { view: AccountView; purchases: PurchaseLine[]; path: string }) {
  const { t, plain, credits, money } = view;
  return (
    <Card id="purchase-history" title={t("purchases.title")} flush>
      <DataTable
        framed={false}
        caption={t("purchases.caption")}
        rows={purchases}
        empty={<p className="px-4 py-2 sm:px-6">{t("purchases.none")}</p>}
        columns={[
          { key: "date", header: t("purchases.date"), nowrap: true, className: "text-gray-600", cell: (purchase) => <DateTime value={purchase.paidAt ?? purchase.createdAt} /> },
          {
            key: "pack",
            header: t("purchases.pack"),
            cell: (purchase) => packName(t, { code: purchase.packCode, name: purchase.packName }),
            detail: (purchase) => purchase.origin === "AUTO_TOPUP" && t("purchases.autoTopup"),
          },
          { key: "credits", header: t("purchases.credits"), numeric: true, cell: (purchase) => plain(purchase.credits) },
          {
            key: "paid",
            header: t("purchases.paid"),
            numeric: true,
            cell: (purchase) => (
              <>
                {money(purchase.amount, purchase.currency)}
                {purchase.refundedAmount > 0 && (
                  <span className="block text-xs text-amber-900">{t("purchases.refunded", { amount: money(purchase.refundedAmount, purchase.currency) })}</span>
                )}
              </>
            ),
          },
          {
            key: "status",
            header: t("purchases.status"),
            cell: (purchase) => {
              const state = purchaseState(purchase);
              return (
                <>
                  <StatusBadge tone={PURCHASE_TONE[state]}>{t(`purchases.states.${state}`)}</StatusBadge>
                  {purchase.status === "FAILED" && purchase.failureCode && (
                    <span className="block text-xs text-red-800">
                      {t.has(`purchases.failures.${purchase.failureCode}`) ? t(`purchases.failures.${purchase.failureCode}`) : purchase.failureCode}
                    </span>
                  )}
                </>
              );
            },
          },
          {
            key: "taken-back",
            header: t("purchases.takenBack"),
            className: "min-w-40 text-gray-700",
            cell: (purchase) =>
              purchase.takenBack > 0n || purchase.alreadyUsed > 0n || purchase.frozen > 0n ? (
                <>
                  {purchase.takenBack > 0n && <span className="block tabular-nums">{credits(purchase.takenBack)}</span>}
                  {purchase.frozen > 0n && <span className="block tabular-nums">{t("purchases.frozen", { credits: credits(purchase.frozen) })}</span>}
                  {purchase.alreadyUsed > 0n && (
                    <span className="block text-xs text-gray-600">{t("purchases.alreadyUsed", { credits: plain(purchase.alreadyUsed) })}</span>
                  )}
                </>
              ) : (
                <span className="text-gray-400">—</span>
              ),
          },
          {
            key: "invoice",
            header: t("purchases.invoice"),
            nowrap: true,
            cell: (purchase) =>
              purchase.invoice ? (
                <a href={`${path}/purchases/${purchase.id}/invoice`} target="_blank" rel="noopener" className={buttonClasses("link")}>
                  {purchase.invoice.number ?? t("purchases.invoice")}
                  <span className="sr-only">{t("purchases.invoiceOf", { pack: packName(t, { code: purchase.packCode, name: purchase.packName }) })}</span>
                </a>
              ) : purchase.status === "PAID" ? (
                <span className="text-xs text-gray-500">{t("purchases.preparing")}</span>
              ) : (
                <span className="text-gray-400">—</span>
              ),
          },
        ]}
      />
    </Card>
  );
}
