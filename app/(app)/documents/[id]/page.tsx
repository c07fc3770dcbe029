import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DateTime } from "@/components/date-time";
import { DescriptionList } from "@/components/description-list";
import { InsufficientCreditsNotice } from "@/components/insufficient-credits-notice";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { centsToAmount } from "@/lib/digitization/extract/checks";
import { documentCredits, getDocument, isPending } from "@/lib/digitization/documents";
import { SERVICES } from "@/lib/iap/catalogue";
import { formatCredits } from "@/lib/iap/units";
import { buyCreditsPath, contactPath } from "@/lib/routes";
import { AutoRefresh } from "@/components/auto-refresh";
import { StateBadge } from "../_components/state-badge";
import { DocumentView } from "./_components/document-view";
import { LinesTable } from "./_components/lines-table";
import { ReviewForm } from "./_components/review-form";
import { DeleteDocumentButton } from "../_components/delete-document-button";
import { ERROR_HELP, SOURCE_WORDS } from "./_components/words";
import { parseId } from "@/lib/http/params";

export const metadata: Metadata = { title: "Document" };

export default async function DocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const user = await requireUser(`/documents/${raw}`);
  const id = parseId(raw);
  if (id === null) notFound();
  const document = await getDocument(user.companyId, id);
  if (!document) notFound();
  const bill = document.vendorBill;
  const credits = document.state === "WAITING_CREDITS" ? await documentCredits(user.companyId) : null;
  return (
    <>
      <PageHeader
        crumbs={[{ label: "Documents", href: "/documents" }, { label: document.fileName }]}
        actions={
          <>
            <StateBadge state={document.state} progress={document.progress} />
            {document.state !== "DIGITIZING" && !bill && <DeleteDocumentButton documentId={document.id} fileName={document.fileName} onItsPage />}
          </>
        }
      />
      <AutoRefresh active={isPending(document.state)} />
      <div className="grid grid-cols-1 gap-6 px-4 py-6 sm:px-6 lg:grid-cols-2">
        <DocumentView document={document} />
        <section aria-labelledby="fields-heading" className="space-y-4">
          <h2 id="fields-heading" className="flex items-center gap-2 text-lg font-semibold">
            {document.state === "DONE" ? "Vendor bill" : "Extracted fields"}
            {document.creditNote && <span className="rounded-full bg-purple-100 px-2 py-0.5 text-xs font-medium text-purple-800">Credit note</span>}
          </h2>
          {isPending(document.state) && (
            <p className="text-gray-700">
              {document.state === "UPLOADED" ? "Waiting for its turn to be digitized…" : `Reading the document… ${document.progress}%`}
            </p>
          )}
          {document.state === "ERROR" && (
            <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
              <p className="font-semibold">Error: {document.errorReason}</p>
              <p>{ERROR_HELP[document.errorReason ?? ""] ?? "Something went wrong while reading this document. No credit was used."}</p>
            </div>
          )}
          {credits && (
            <InsufficientCreditsNotice
              service={credits.serviceName}
              attempt={`to digitize ${credits.waiting === 1 ? "this document" : `${credits.waiting} waiting documents`}`}
              needed={formatCredits(BigInt(credits.waiting) * 10n ** BigInt(credits.decimals), credits.decimals)}
              available={formatCredits(credits.available, credits.decimals)}
              buyUrl={buyCreditsPath(SERVICES.documentsDigitization)}
            />
          )}
          {document.state === "TO_REVIEW" && document.fields && (
            <>
              <p className="text-sm text-gray-600">
                Read from {SOURCE_WORDS[(document.textSource ?? "ocr") as keyof typeof SOURCE_WORDS]}
                {document.textSource === "e-invoice" ? " for no credit" : ""}. Highlighted fields are uncertain: compare them with the document, correct them and confirm.
                {document.creditNote ? " This is a credit note: its amounts are negative." : ""}
              </p>
              <ReviewForm documentId={document.id} fields={document.fields} />
            </>
          )}
          {document.lines.length > 0 && <LinesTable lines={document.lines} currency={document.fields?.currency.value ?? null} />}
          {bill && (
            <DescriptionList
              framed
              label={`Vendor bill #${bill.id}`}
              items={[
                { term: "Bill", details: `#${bill.id}`, className: "font-medium" },
                {
                  term: "Vendor",
                  details: (
                    <>
                      {document.vendor ? (
                        <Link href={contactPath(document.vendor.id)} className="text-brand-700 underline underline-offset-2 hover:decoration-2">
                          {document.vendor.name}
                        </Link>
                      ) : (
                        "—"
                      )}
                      {document.vendor?.vat && <span className="text-gray-600"> · {document.vendor.vat}</span>}
                    </>
                  ),
                },
                { term: "Invoice number", details: bill.invoiceNumber ?? "—" },
                { term: "Invoice date", details: <DateTime value={bill.invoiceDate} dateOnly /> },
                { term: "Due date", details: <DateTime value={bill.dueDate} dateOnly /> },
                { term: "Subtotal", details: bill.subtotal !== null ? `${centsToAmount(bill.subtotal)} ${bill.currency}` : "—", className: "tabular-nums" },
                { term: "Tax", details: bill.tax !== null ? `${centsToAmount(bill.tax)} ${bill.currency}` : "—", className: "tabular-nums" },
                { term: "Total", details: `${centsToAmount(bill.total)} ${bill.currency}`, className: "font-semibold tabular-nums" },
                { term: "IBAN", details: bill.iban ?? "—" },
              ]}
            />
          )}
        </section>
      </div>
    </>
  );
}
