import { getLocale, getTranslations } from "next-intl/server";
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
import { errorHelp, errorText } from "../_components/upload-words";
import { parseId } from "@/lib/http/params";
import { titleFrom } from "@/lib/i18n/page-title";
import { TextLink } from "@/components/text-link";

export const generateMetadata = titleFrom("documents.document", "metaTitle");

export default async function DocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const user = await requireUser(`/documents/${raw}`);
  const id = parseId(raw);
  if (id === null) notFound();
  const document = await getDocument(user.companyId, id);
  if (!document) notFound();
  const bill = document.vendorBill;
  const credits = document.state === "WAITING_CREDITS" ? await documentCredits(user.companyId) : null;
  const [t, locale] = await Promise.all([getTranslations("documents"), getLocale()]);
  const money = (cents: bigint, currency: string) => t("document.amount", { amount: centsToAmount(cents), currency });
  return (
    <>
      <PageHeader
        crumbs={[{ label: t("list.crumb"), href: "/documents" }, { label: document.fileName }]}
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
            {t(document.state === "DONE" ? "document.vendorBill" : "document.extractedFields")}
            {document.creditNote && <span className="rounded-full bg-purple-100 px-2 py-0.5 text-xs font-medium text-purple-800">{t("document.creditNote")}</span>}
          </h2>
          {isPending(document.state) && (
            <p className="text-gray-700">
              {document.state === "UPLOADED" ? t("document.waitingTurn") : t("document.reading", { progress: document.progress })}
            </p>
          )}
          {document.state === "ERROR" && (
            <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
              <p className="font-semibold">{t("document.error", { reason: errorText(t, document.errorReason ?? "") })}</p>
              <p>{errorHelp(t, document.errorReason)}</p>
            </div>
          )}
          {credits && (
            <InsufficientCreditsNotice
              service={credits.serviceName}
              attempt="digitizeDocument"
              attemptCount={credits.waiting}
              needed={formatCredits(BigInt(credits.waiting) * 10n ** BigInt(credits.decimals), credits.decimals, { locale })}
              available={formatCredits(credits.available, credits.decimals, { locale })}
              buyUrl={buyCreditsPath(SERVICES.documentsDigitization)}
            />
          )}
          {document.state === "TO_REVIEW" && document.fields && (
            <>
              <p className="text-sm text-gray-600">
                {t(`document.readFrom.${document.textSource === "e-invoice" || document.textSource === "pdf_text" ? document.textSource : "ocr"}`)}
                {document.creditNote ? t("document.creditNoteHint") : ""}
              </p>
              <ReviewForm documentId={document.id} fields={document.fields} />
            </>
          )}
          {document.lines.length > 0 && <LinesTable lines={document.lines} currency={document.fields?.currency.value ?? null} />}
          {bill && (
            <DescriptionList
              framed
              label={t("document.billLabel", { id: bill.id })}
              items={[
                { term: t("document.bill.bill"), details: `#${bill.id}`, className: "font-medium" },
                {
                  term: t("fields.vendorName"),
                  details: (
                    <>
                      {document.vendor ? (
                        <TextLink href={contactPath(document.vendor.id)}>
                          {document.vendor.name}
                        </TextLink>
                      ) : (
                        "—"
                      )}
                      {document.vendor?.vat && <span className="text-gray-600"> · {document.vendor.vat}</span>}
                    </>
                  ),
                },
                { term: t("fields.invoiceNumber"), details: bill.invoiceNumber ?? "—" },
                { term: t("fields.invoiceDate"), details: <DateTime value={bill.invoiceDate} dateOnly /> },
                { term: t("fields.dueDate"), details: <DateTime value={bill.dueDate} dateOnly /> },
                { term: t("fields.subtotal"), details: bill.subtotal !== null ? money(bill.subtotal, bill.currency) : "—", className: "tabular-nums" },
                { term: t("fields.tax"), details: bill.tax !== null ? money(bill.tax, bill.currency) : "—", className: "tabular-nums" },
                { term: t("fields.total"), details: money(bill.total, bill.currency), className: "font-semibold tabular-nums" },
                { term: t("fields.iban"), details: bill.iban ?? "—" },
              ]}
            />
          )}
        </section>
      </div>
    </>
  );
}
