import { DateTime } from "@/components/date-time";
import type { OpenHold } from "@/lib/iap/account-views";
import { ledgerDescription } from "../../_messages/ledger-words";
import type { AccountView } from "./account-view";
import { Card } from "./card";

/** Credits reserved by work in progress, each with when its hold expires. */
export function HoldsCard({ view, holds }: { view: AccountView; holds: OpenHold[] }) {
  const { t, credits } = view;
  return (
    <Card id="open-holds" title={t("holds.title")}>
      {holds.length === 0 ? (
        <p className="text-sm text-gray-600">{t("holds.none")}</p>
      ) : (
        <ul className="divide-y divide-gray-100 text-sm">
          {holds.map((hold) => (
            <li key={hold.id} className="flex flex-wrap justify-between gap-2 py-2">
              <span>
                <span className="font-medium tabular-nums">{credits(hold.amount)}</span> · {ledgerDescription(t, hold)}
              </span>
              <span className="text-gray-600">
                {t.rich("holds.expires", { date: () => <DateTime value={hold.expiresAt} /> })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
