import type { Metadata } from "next";
import { ActionButton } from "@/components/action-button";
import { DataTable } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { countryName } from "@/lib/contacts/countries";
import { formatE164 } from "@/lib/contacts/phone";
import { listOptOuts } from "@/lib/sms/opt-out";
import { ALPHANUMERIC_REFUSED } from "@/lib/sms/sender";
import { smsSenderSettings } from "@/lib/sms/sender-settings";
import { removeOptOutAction } from "./actions";
import { AddOptOutForm, SenderForm } from "./_components/sms-settings-forms";

export const metadata: Metadata = { title: "SMS" };

const SOURCES: Record<string, string> = { reply: "Replied", admin: "Added by an administrator", carrier: "Reported by the carrier" };

export default async function SmsSettingsPage() {
  const user = await requireAdmin("/settings/sms");
  const [optOuts, sender] = await Promise.all([listOptOuts(user.companyId), smsSenderSettings(user.companyId)]);
  return (
    <>
      <PageHeader crumbs={[{ label: "Settings", href: "/settings" }, { label: "SMS" }]} />
      <div className="mx-auto grid max-w-5xl gap-6 px-4 py-6 sm:px-6 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="opt-out-heading" className="min-w-0">
          <h2 id="opt-out-heading" className="mb-1 font-medium text-gray-900">
            Opt-out list
          </h2>
          <p className="mb-3 text-sm text-gray-600">
            Numbers that replied STOP (or ARRET, 退订…) get no SMS from you until they reply START. Single sends to them are refused; mass SMS skip them. No credits are used for them.
          </p>
          <DataTable
            caption="Numbers that opted out of your SMS"
            rows={optOuts}
            rowKey={(row) => row.id}
            empty="No number has opted out."
            columns={[
              { key: "number", header: "Number", rowHeader: true, nowrap: true, cell: (row) => formatE164(row.number) },
              { key: "how", header: "How", cell: (row) => (row.keyword ? `${SOURCES[row.source] ?? row.source} “${row.keyword}”` : (SOURCES[row.source] ?? row.source)) },
              { key: "since", header: "Since", nowrap: true, cell: (row) => <DateTime value={row.createdAt} /> },
              {
                key: "actions",
                header: "Actions",
                headerHidden: true,
                cell: (row) => (
                  <ActionButton action={removeOptOutAction} fields={{ id: row.id }} pendingLabel="Removing…" label={`Remove ${formatE164(row.number)} from the opt-out list`}>
                    Remove
                  </ActionButton>
                ),
              },
            ]}
          />
        </section>
        <div className="space-y-6">
          <section aria-labelledby="add-opt-out-heading" className="rounded-lg border border-gray-200 bg-white p-4">
            <h2 id="add-opt-out-heading" className="mb-3 font-medium text-gray-900">
              Add a number
            </h2>
            <AddOptOutForm />
          </section>
          <section aria-labelledby="sender-heading" className="rounded-lg border border-gray-200 bg-white p-4">
            <h2 id="sender-heading" className="mb-1 font-medium text-gray-900">
              Sender
            </h2>
            <p className="mb-3 text-sm text-gray-600">
              Recipients see this name instead of a number where their country allows it. Elsewhere ({ALPHANUMERIC_REFUSED.map((c) => countryName(c)).join(", ")} and countries not known to allow it) SMS come from{" "}
              {sender.number ?? "the gateway's number"}, and only that number can receive replies such as STOP.
            </p>
            <SenderForm senderName={sender.senderName} />
          </section>
        </div>
      </div>
    </>
  );
}
