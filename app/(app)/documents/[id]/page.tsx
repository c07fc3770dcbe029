import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { centsToAmount } from "@/lib/digitization/extract/checks";
import { documentCredits, getDocument, isPending } from "@/lib/digitization/documents";
import { buyCreditsPath } from "@/lib/iap/errors";
import { formatCredits } from "@/lib/iap/units";
import { InsufficientCreditsNotice } from "@/components/insufficient-credits-notice";
import { AutoRefresh } from "../_components/auto-refresh";
import { StateBadge } from "../_components/state-badge";
import { ReviewForm } from "./_components/review-form";
import { parseId } from "@/lib/http/params";

export const metadata: Metadata = { title: "Document" };

const ERROR_HELP: Record<string, string> = {
  unreadable: "No invoice could be read from this file. Check that it is a legible bill or receipt and upload it again. No credit was used.",
  "too many pages": "This document has more pages than are read. Upload the pages with the invoice only. No credit was used.",
};

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
      <PageHeader crumbs={[{ label: "Documents", href: "/documents" }, { label: document.fileName }]} actions={<StateBadge state={document.state} progress={document.progress} />} />
      <AutoRefresh active={isPending(document.state)} />
      <div className="grid gap-6 px-4 py-6 sm:px-6 lg:grid-cols-2">
        <section aria-label="Document preview" className="rounded-lg border border-gray-200 bg-gray-100 p-2">
          <img src={`/api/documents/${document.id}/preview`} alt={`Page 1 of ${document.fileName}`} className="mx-auto w-full max-w-2xl bg-white shadow" />
        </section>
        <section aria-labelledby="fields-heading" className="space-y-4">
          <h2 id="fields-heading" className="text-lg font-semibold">
            {document.state === "DONE" ? "Vendor bill" : "Extracted fields"}
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
              action={`to digitize ${credits.waiting === 1 ? "this document" : `${credits.waiting} waiting documents`}`}
              needed={formatCredits(BigInt(credits.waiting) * 10n ** BigInt(credits.decimals), credits.decimals)}
              available={formatCredits(credits.available, credits.decimals)}
              buyUrl={buyCreditsPath("invoice_ocr")}
            />
          )}
          {document.state === "TO_REVIEW" && document.fields && (
            <>
              <p className="text-sm text-gray-600">
                Read from {document.textSource === "pdf_text" ? "the PDF's text" : "the scanned image (OCR)"}. Highlighted fields are uncertain: compare them with the document, correct them and confirm.
              </p>
              <ReviewForm documentId={document.id} fields={document.fields} />
            </>
          )}
          {bill && (
            <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 rounded-lg border border-gray-200 bg-white p-4 text-sm" aria-label={`Vendor bill #${bill.id}`}>
              <dt className="text-gray-600">Bill</dt>
              <dd className="font-medium">#{bill.id}</dd>
              <dt className="text-gray-600">Vendor</dt>
              <dd>
                {document.vendor ? (
                  <Link href={`/contacts/${document.vendor.id}`} className="text-brand-600 hover:underline">
                    {document.vendor.name}
                  </Link>
                ) : (
                  "—"
                )}
                {document.vendor?.vat && <span className="text-gray-500"> · {document.vendor.vat}</span>}
              </dd>
              <dt className="text-gray-600">Invoice number</dt>
              <dd>{bill.invoiceNumber ?? "—"}</dd>
              <dt className="text-gray-600">Invoice date</dt>
              <dd>{bill.invoiceDate?.toISOString().slice(0, 10) ?? "—"}</dd>
              <dt className="text-gray-600">Due date</dt>
              <dd>{bill.dueDate?.toISOString().slice(0, 10) ?? "—"}</dd>
              <dt className="text-gray-600">Subtotal</dt>
              <dd className="tabular-nums">{bill.subtotal !== null ? `${centsToAmount(bill.subtotal)} ${bill.currency}` : "—"}</dd>
              <dt className="text-gray-600">Tax</dt>
              <dd className="tabular-nums">{bill.tax !== null ? `${centsToAmount(bill.tax)} ${bill.currency}` : "—"}</dd>
              <dt className="text-gray-600">Total</dt>
              <dd className="font-semibold tabular-nums">
                {centsToAmount(bill.total)} {bill.currency}
              </dd>
              <dt className="text-gray-600">IBAN</dt>
              <dd>{bill.iban ?? "—"}</dd>
            </dl>
          )}
        </section>
      </div>
    </>
  );
}
