import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { documentCredits, isPending, listDocuments } from "@/lib/digitization/documents";
import { formatBytes } from "@/lib/digitization/limits";
import { buyCreditsPath } from "@/lib/iap/errors";
import { formatCredits } from "@/lib/iap/units";
import { InsufficientCreditsNotice } from "@/components/insufficient-credits-notice";
import { AutoRefresh } from "@/components/auto-refresh";
import { StateBadge } from "./_components/state-badge";
import { UploadForm } from "./_components/upload-form";

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
            action={`to digitize ${credits.waiting} waiting document${credits.waiting === 1 ? "" : "s"}`}
            needed={credit(BigInt(credits.waiting) * 10n ** BigInt(credits.decimals))}
            available={credit(credits.available)}
            buyUrl={buyCreditsPath("invoice_ocr")}
          />
        )}
        <UploadForm />
        {documents.length === 0 ? (
          <p className="py-8 text-center text-gray-600">No documents yet. Upload vendor bills or expense receipts to have them read.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Documents, newest first</caption>
              <thead className="border-b border-gray-200 bg-gray-50 text-xs uppercase tracking-wide text-gray-600">
                <tr>
                  <th scope="col" className="px-4 py-2">Document</th>
                  <th scope="col" className="px-4 py-2">Kind</th>
                  <th scope="col" className="px-4 py-2">State</th>
                  <th scope="col" className="px-4 py-2">Vendor</th>
                  <th scope="col" className="px-4 py-2 text-right">Total</th>
                  <th scope="col" className="px-4 py-2">Uploaded</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {documents.map((d) => (
                  <tr key={d.id} className="hover:bg-gray-50">
                    <td className="px-4 py-2">
                      <Link href={`/documents/${d.id}`} className="font-medium text-brand-600 hover:underline">
                        {d.fileName}
                      </Link>
                      <span className="block text-xs text-gray-500">
                        {formatBytes(d.fileSize)}
                        {d.pageCount ? ` · ${d.pageCount} page${d.pageCount === 1 ? "" : "s"}` : ""}
                      </span>
                    </td>
                    <td className="px-4 py-2 text-gray-700">{KIND_LABELS[d.kind]}</td>
                    <td className="px-4 py-2">
                      <StateBadge state={d.state} progress={d.progress} />
                      {d.state === "ERROR" && d.errorReason && <span className="block text-xs text-red-700">{d.errorReason}</span>}
                    </td>
                    <td className="px-4 py-2 text-gray-700">{d.vendorName ?? "—"}</td>
                    <td className="px-4 py-2 text-right tabular-nums text-gray-700">{d.total ? `${d.total} ${d.currency ?? ""}` : "—"}</td>
                    <td className="px-4 py-2 text-gray-600">{d.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </>
  );
}
