import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClasses } from "@/components/button";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { confirmCardSetup } from "@/lib/billing/auto-topup/card-setup";
import { getAutoTopup } from "@/lib/billing/auto-topup/settings";
import { formatMoney } from "@/lib/billing/money";
import { formatPackCredits } from "@/lib/billing/pack-pricing";
import { listPacks } from "@/lib/billing/packs";
import { getService } from "@/lib/iap/accounts";
import { getAccountDetail, listLedgerEntries, listOpenHolds, listPurchases } from "@/lib/iap/account-views";
import { creditStatus, LEDGER_KIND_LABELS, purchaseState, showsLowCreditNotice, type PurchaseState } from "@/lib/iap/credit-status";
import { buyCreditsPath } from "@/lib/iap/errors";
import { formatCredits } from "@/lib/iap/units";
import { CreditBadge } from "../_components/credit-badge";
import { AutoTopupForm } from "./_components/auto-topup-form";
import { WarningForm } from "./_components/warning-form";

export const metadata: Metadata = { title: "Account Information" };

const PURCHASE_STATE: Record<PurchaseState, { label: string; tone: string }> = {
  pending: { label: "Pending", tone: "bg-gray-100 text-gray-800" },
  paid: { label: "Paid", tone: "bg-green-50 text-green-800" },
  refunded: { label: "Refunded", tone: "bg-amber-50 text-amber-900" },
  partly_refunded: { label: "Partly refunded", tone: "bg-amber-50 text-amber-900" },
  disputed: { label: "Disputed", tone: "bg-red-50 text-red-800" },
  dispute_won: { label: "Paid (dispute won)", tone: "bg-green-50 text-green-800" },
  dispute_lost: { label: "Dispute lost", tone: "bg-red-50 text-red-800" },
  failed: { label: "Failed", tone: "bg-red-50 text-red-800" },
  expired: { label: "Expired", tone: "bg-gray-100 text-gray-700" },
  canceled: { label: "Canceled", tone: "bg-gray-100 text-gray-700" },
};

/** Why auto top-up turned itself off, and what fixes it. */
const AUTO_TOPUP_OFF_REASONS: Record<string, string> = {
  card_declined: "The card was declined. Turn auto top-up on again to use another card, or buy credits by hand.",
  requires_action: "The bank asked the cardholder to confirm the payment, which cannot happen automatically. Turn auto top-up on again (a card that needs no confirmation), or buy credits by hand.",
  no_card: "No card is saved for auto top-up. Turn it on again to save one.",
  pack_unavailable: "The chosen pack is no longer on sale. Choose another pack and turn auto top-up on again.",
};

const FAILURE_REASONS: Record<string, string> = { card_declined: "card declined", requires_action: "bank asked for confirmation" };

function monthAfter(date = new Date()): string {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)).toLocaleDateString("en-GB", { day: "numeric", month: "long", timeZone: "UTC" });
}

function Card({ title, children, id }: { title: string; children: React.ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-gray-200 bg-white">
      <h2 id={id} className="border-b border-gray-200 px-4 py-2.5 font-semibold text-gray-900 sm:px-6">
        {title}
      </h2>
      <div className="px-4 py-4 sm:px-6">{children}</div>
    </section>
  );
}

/** Column headings; the first and last are padded like the card's edges. */
function TableHead({ columns }: { columns: (string | [string, "right"])[] }) {
  return (
    <thead className="text-gray-600">
      <tr>
        {columns.map((column, index) => {
          const [label, align] = typeof column === "string" ? [column, "left"] : column;
          const edge = index === 0 || index === columns.length - 1 ? "sm:px-6" : "";
          return (
            <th key={label} scope="col" className={`px-4 py-2 font-medium ${align === "right" ? "text-right" : ""} ${edge}`}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

export default async function AccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ accountId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { accountId: rawId } = await params;
  const path = `/settings/iap/${rawId}`;
  const user = await requireAdmin(path);
  if (!/^\d{1,9}$/.test(rawId)) notFound();
  const { before: rawBefore, card_setup: cardSetup } = await searchParams;
  const before = typeof rawBefore === "string" && /^\d{1,18}$/.test(rawBefore) ? BigInt(rawBefore) : null;

  const accountId = Number(rawId);
  // Back from Stripe's card page: keep the card now rather than wait for the webhook.
  if (typeof cardSetup === "string" && cardSetup !== "cancelled") await confirmCardSetup(user.companyId, cardSetup);
  const [account, history, holds, purchases, autoTopup] = await Promise.all([
    getAccountDetail(user.companyId, accountId),
    listLedgerEntries(user.companyId, accountId, { before }),
    listOpenHolds(user.companyId, accountId),
    listPurchases(user.companyId, accountId),
    getAutoTopup(user.companyId, accountId),
  ]);
  if (!account) notFound();
  const packs = await listPacks(await getService(account.technicalName));

  const credits = (units: bigint) => `${formatCredits(units, account.decimals)} ${account.unitName}`;
  const signed = (units: bigint) => (units > 0n ? "+" : "") + formatCredits(units, account.decimals);
  const status = creditStatus(account);

  return (
    <>
      <PageHeader
        crumbs={[{ label: "Settings", href: "/settings" }, { label: "IAP Account", href: "/settings/iap" }, { label: account.serviceName }]}
        actions={
          <a href={buyCreditsPath(account.technicalName)} target="_blank" rel="noopener" className={buttonClasses("primary")}>
            Buy Credit<span className="sr-only"> (opens in a new tab)</span>
          </a>
        }
      />
      <div className="mx-auto max-w-5xl space-y-6 px-4 py-6 sm:px-6">
        {status === "no-credits" && (
          <div role="status" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
            <p className="font-medium">No credits</p>
            <p>{account.serviceName} cannot be used until you buy credits.</p>
          </div>
        )}
        {showsLowCreditNotice(account) && (
          <div role="status" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950">
            <p className="font-medium">Low credits</p>
            <p>
              {credits(account.balance)} left
              {status === "low-credits" && account.warningThreshold !== null && <>, below your warning threshold of {credits(account.warningThreshold)}</>}.
            </p>
            <p>
              {account.warnedAt ? (
                <>
                  Last warning: <DateTime value={account.warnedAt} />
                  {account.warningEmail && <> to {account.warningEmail}</>}.
                </>
              ) : (
                <>No warning e-mail sent yet for this drop: it goes out with the next low-credit check.</>
              )}
            </p>
          </div>
        )}

        <Card id="account-information" title="Account Information">
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[10rem_1fr]">
            <dt className="text-sm text-gray-500">Service</dt>
            <dd>
              <span className="font-medium">{account.serviceName}</span>
              <p className="text-sm text-gray-600">{account.description}</p>
            </dd>
            <dt className="text-sm text-gray-500">Balance</dt>
            <dd className="flex flex-wrap items-center gap-2">
              <span className="text-lg font-semibold tabular-nums">{credits(account.balance)}</span>
              <CreditBadge account={account} />
            </dd>
            {account.held > 0n && (
              <>
                <dt className="text-sm text-gray-500">Available</dt>
                <dd className="tabular-nums">
                  {credits(account.balance - account.held)}{" "}
                  <span className="text-sm text-gray-500">({credits(account.held)} reserved by work in progress)</span>
                </dd>
              </>
            )}
          </dl>
          <div className="mt-5 border-t border-gray-100 pt-5">
            <WarningForm
              accountId={account.id}
              unitName={account.unitName}
              decimals={account.decimals}
              initial={{
                warnEnabled: account.warnEnabled,
                threshold: account.warningThreshold === null ? "" : formatCredits(account.warningThreshold, account.decimals, { grouping: false }),
                email: account.warningEmail ?? user.email,
              }}
            />
          </div>
        </Card>

        <Card id="auto-topup" title="Auto top-up">
          <div className="space-y-4">
            <p className="text-sm" data-testid="auto-topup-status">
              {autoTopup.enabled ? (
                <span className="font-medium text-green-800">
                  On
                  {autoTopup.cardLabel && <> · paid with the saved card {autoTopup.cardLabel}</>}
                  {autoTopup.monthlyCap !== null && <> · {autoTopup.thisMonth} of {autoTopup.monthlyCap} top-ups used this month</>}
                  {autoTopup.inFlight && <> · a top-up is being paid right now</>}
                </span>
              ) : (
                <span className="font-medium text-gray-700">Off</span>
              )}
            </p>
            {!autoTopup.enabled && autoTopup.disabledReason && (
              <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
                <p className="font-medium">
                  Auto top-up turned itself off{autoTopup.disabledAt && <> on <DateTime value={autoTopup.disabledAt} /></>}.
                </p>
                <p>{AUTO_TOPUP_OFF_REASONS[autoTopup.disabledReason] ?? `The payment failed (${autoTopup.disabledReason}).`}</p>
                {autoTopup.disabledMessage && <p className="mt-1 text-red-800">Stripe said: “{autoTopup.disabledMessage}”</p>}
              </div>
            )}
            {autoTopup.enabled && autoTopup.capped && (
              <div role="status" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950">
                <p className="font-medium">Monthly limit reached</p>
                <p>
                  {autoTopup.thisMonth} of {autoTopup.monthlyCap} top-ups were bought this month, so no more are bought until {monthAfter()}. Raise the limit or buy credits by hand.
                </p>
              </div>
            )}
            {cardSetup === "cancelled" && (
              <p role="status" className="text-sm text-amber-900">No card was saved, so auto top-up stays off.</p>
            )}
            {packs.length > 0 && (
              <AutoTopupForm
                accountId={account.id}
                unitName={account.unitName}
                needsCard={autoTopup.needsCard}
                packs={packs.map((pack) => ({ id: pack.id, label: `${pack.name} (${formatPackCredits(pack.credits, account.decimals)} ${account.unitName}, ${formatMoney(pack.price, pack.currency)})` }))}
                initial={{
                  enabled: autoTopup.enabled,
                  threshold: autoTopup.threshold === null ? "" : formatCredits(autoTopup.threshold, account.decimals, { grouping: false }),
                  packId: String(autoTopup.packId ?? packs[Math.min(1, packs.length - 1)].id),
                  monthlyCap: String(autoTopup.monthlyCap ?? 3),
                }}
              />
            )}
          </div>
        </Card>

        <Card id="credit-history" title="Credit history">
          {history.entries.length === 0 ? (
            <p className="text-sm text-gray-600">{before ? "No older entries." : "No credit movements yet."}</p>
          ) : (
            <div className="-mx-4 overflow-x-auto sm:-mx-6">
              <table className="w-full text-left text-sm">
                <TableHead columns={["Date", "Kind", "Description", ["Amount", "right"], ["Balance", "right"]]} />
                <tbody className="divide-y divide-gray-100">
                  {history.entries.map((entry) => (
                    <tr key={entry.id.toString()}>
                      <td className="whitespace-nowrap px-4 py-2 text-gray-600 sm:px-6"><DateTime value={entry.createdAt} /></td>
                      <td className="whitespace-nowrap px-4 py-2">{LEDGER_KIND_LABELS[entry.kind] ?? entry.kind}</td>
                      <td className="min-w-48 px-4 py-2 text-gray-700">{entry.description}</td>
                      <td className={`whitespace-nowrap px-4 py-2 text-right tabular-nums ${entry.amount < 0n ? "text-red-700" : "text-green-700"}`}>
                        {signed(entry.amount)}
                      </td>
                      <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums sm:px-6">{formatCredits(entry.balanceAfter, account.decimals)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {(before !== null || history.olderCursor !== null) && (
            <nav aria-label="Credit history pages" className="mt-4 flex gap-4 text-sm">
              {before !== null && (
                <Link href={path} className={buttonClasses("link")}>
                  Newest entries
                </Link>
              )}
              {history.olderCursor !== null && (
                <Link href={`${path}?before=${history.olderCursor}`} className={buttonClasses("link")}>
                  Older entries
                </Link>
              )}
            </nav>
          )}
        </Card>

        <Card id="open-holds" title="Reserved credits">
          {holds.length === 0 ? (
            <p className="text-sm text-gray-600">No credits are reserved right now.</p>
          ) : (
            <ul className="divide-y divide-gray-100 text-sm">
              {holds.map((hold) => (
                <li key={hold.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span>
                    <span className="font-medium tabular-nums">{credits(hold.amount)}</span> · {hold.description}
                  </span>
                  <span className="text-gray-600">
                    expires <DateTime value={hold.expiresAt} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card id="purchase-history" title="Purchase history">
          {purchases.length === 0 ? (
            <p className="text-sm text-gray-600">No purchases yet. Use “Buy Credit” to add credits.</p>
          ) : (
            <div className="-mx-4 overflow-x-auto sm:-mx-6">
              <table className="w-full text-left text-sm">
                <TableHead columns={["Date", "Pack", ["Credits", "right"], ["Amount paid", "right"], "Status", "Credits taken back", "Invoice"]} />
                <tbody className="divide-y divide-gray-100">
                  {purchases.map((purchase) => {
                    const state = PURCHASE_STATE[purchaseState(purchase)];
                    return (
                      <tr key={purchase.id}>
                        <td className="whitespace-nowrap px-4 py-2 text-gray-600 sm:px-6"><DateTime value={purchase.paidAt ?? purchase.createdAt} /></td>
                        <td className="px-4 py-2">
                          {purchase.packName}
                          {purchase.origin === "AUTO_TOPUP" && <span className="block text-xs text-gray-500">Auto top-up</span>}
                        </td>
                        <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">{formatCredits(purchase.credits, account.decimals)}</td>
                        <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">
                          {formatMoney(purchase.amount, purchase.currency)}
                          {purchase.refundedAmount > 0 && <span className="block text-xs text-amber-900">{formatMoney(purchase.refundedAmount, purchase.currency)} refunded</span>}
                        </td>
                        <td className="px-4 py-2">
                          <span className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${state.tone}`}>{state.label}</span>
                          {purchase.status === "FAILED" && purchase.failureCode && (
                            <span className="block text-xs text-red-800">{FAILURE_REASONS[purchase.failureCode] ?? purchase.failureCode}</span>
                          )}
                        </td>
                        <td className="min-w-40 px-4 py-2 text-gray-700">
                          {purchase.takenBack > 0n || purchase.alreadyUsed > 0n || purchase.frozen > 0n ? (
                            <>
                              {purchase.takenBack > 0n && <span className="block tabular-nums">{credits(purchase.takenBack)}</span>}
                              {purchase.frozen > 0n && <span className="block tabular-nums">{credits(purchase.frozen)} frozen while disputed</span>}
                              {purchase.alreadyUsed > 0n && (
                                <span className="block text-xs text-gray-600">{formatCredits(purchase.alreadyUsed, account.decimals)} credits had already been used</span>
                              )}
                            </>
                          ) : (
                            <span className="text-gray-400">—</span>
                          )}
                        </td>
                        <td className="whitespace-nowrap px-4 py-2 sm:px-6">
                          {purchase.invoice ? (
                            <a
                              href={`${path}/purchases/${purchase.id}/invoice`}
                              target="_blank"
                              rel="noopener"
                              className={buttonClasses("link")}
                            >
                              {purchase.invoice.number ?? "Invoice"}
                              <span className="sr-only"> (invoice of the {purchase.packName}, opens in a new tab)</span>
                            </a>
                          ) : purchase.status === "PAID" ? (
                            <span className="text-xs text-gray-500">Being prepared</span>
                          ) : (
                            <span className="text-gray-400">—</span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
