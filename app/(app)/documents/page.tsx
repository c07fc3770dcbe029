import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { documentCredits, isPending, listDocuments } from "@/lib/digitization/documents";
import { formatBytes } from "@/lib/digitization/limits";

import { formatCredits } from "@/lib/iap/units";
import { InsufficientCreditsNotice } from "@/components/insufficient-credits-notice";
import { AutoRefresh } from "./_components/auto-refresh";
import { StateBadge } from "./_components/state-badge";
import { UploadForm } from "./_components/upload-form";
import { buyCreditsPath, documentPath } from "@/lib/routes";
import { SERVICES } from "@/lib/iap/catalogue";
import { TextLink } from "@/components/text-link";

export const metadata: Metadata = { title: "Documents" };

const KIND_LABELS = { VENDOR_BILL: "Vendor bill", EXPENSE_RECEIPT: "Expense receipt" } as const;

export default async function DocumentsPage() {
  const user = await requireUser("/documents");
  const [documents, credits] = await Promise.all([listDocuments(user.companyId), documentCredits(user.companyId)]);
  const pending = documents.some((d) => isPending(d.state));
  const credit = (units: bigint) => formatCredits(units, credits.decimals);
  return (
    <>
      <PageHeader
        crumbs={[{ label: "Documents" }]}
        actions={
          <p className="text-sm text-gray-600" data-testid="document-credits">
            <span className="font-semibold text-gray-900">{credit(credits.available)}</span> credits available
          </p>
        }
      />
      <AutoRefresh active={pending} />
      <div className="space-y-4 px-4 py-6 sm:px-6">
        {credits.waiting > 0 && (
          <InsufficientCreditsNotice
            service={credits.serviceName}
            attempt={`to digitize ${credits.waiting} waiting document${credits.waiting === 1 ? "" : "s"}`}
            needed={credit(BigInt(credits.waiting) * 10n ** BigInt(credits.decimals))}
            available={credit(credits.available)}
            buyUrl={buyCreditsPath(SERVICES.documentsDigitization)}
          />
        )}
        <UploadForm />
        <DataTable
          caption="Documents, newest first"
          rows={documents}
          rowKey={(d) => d.id}
          empty="No documents yet. Upload vendor bills or expense receipts to have them read."
          columns={[
            {
              key: "document",
              header: "Document",
              cell: (d) => (
                <>
                  <TextLink href={documentPath(d.id)}>{d.fileName}</TextLink>
                  <span className="block text-xs text-gray-500">
                    {formatBytes(d.fileSize)}
                    {d.pageCount ? ` · ${d.pageCount} page${d.pageCount === 1 ? "" : "s"}` : ""}
                  </span>
                </>
              ),
            },
            { key: "kind", header: "Kind", className: "text-gray-700", cell: (d) => KIND_LABELS[d.kind] },
            {
              key: "state",
              header: "State",
              cell: (d) => (
                <>
                  <StateBadge state={d.state} progress={d.progress} />
                  {d.state === "ERROR" && d.errorReason && <span className="block text-xs text-red-700">{d.errorReason}</span>}
                </>
              ),
            },
            { key: "vendor", header: "Vendor", className: "text-gray-700", cell: (d) => d.vendorName ?? "—" },
            { key: "total", header: "Total", numeric: true, className: "text-gray-700", cell: (d) => (d.total ? `${d.total} ${d.currency ?? ""}` : "—") },
            { key: "uploaded", header: "Uploaded", nowrap: true, className: "text-gray-600", cell: (d) => <DateTime value={d.createdAt} /> },
          ]}
        />
      </div>
    </>
  );
}
