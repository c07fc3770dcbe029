import { getLocale, getTranslations } from "next-intl/server";
import { ACTIONS_COLUMN, DataTable } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { documentCredits, isPending, listDocuments } from "@/lib/digitization/documents";
import { formatBytes } from "@/lib/digitization/limits";

import { formatCredits } from "@/lib/iap/units";
import { InsufficientCreditsNotice } from "@/components/insufficient-credits-notice";
import { AutoRefresh } from "@/components/auto-refresh";
import { StateBadge } from "./_components/state-badge";
import { UploadForm } from "./_components/upload-form";
import { DeleteDocumentButton } from "./_components/delete-document-button";
import { buyCreditsPath, documentPath } from "@/lib/routes";
import { SERVICES } from "@/lib/iap/catalogue";
import { TextLink } from "@/components/text-link";
import { errorText } from "./_components/upload-words";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("documents.list", "metaTitle");

export default async function DocumentsPage() {
  const user = await requireUser("/documents");
  const [documents, credits] = await Promise.all([listDocuments(user.companyId), documentCredits(user.companyId)]);
  const pending = documents.some((d) => isPending(d.state));
  const [t, tableWords, locale] = await Promise.all([getTranslations("documents"), getTranslations("documents.list"), getLocale()]);
  const credit = (units: bigint) => formatCredits(units, credits.decimals, { locale });
  return (
    <>
      <PageHeader
        crumbs={[{ label: t("list.crumb") }]}
        actions={
          <p className="text-sm text-gray-600" data-testid="document-credits">
            {t.rich("list.available", {
              figure: credit(credits.available),
              count: Number(credits.available) / 10 ** credits.decimals,
              strong: (chunks) => <span className="font-semibold text-gray-900">{chunks}</span>,
            })}
          </p>
        }
      />
      <AutoRefresh active={pending} />
      <div className="space-y-4 px-4 py-6 sm:px-6">
        {credits.waiting > 0 && (
          <InsufficientCreditsNotice
            service={credits.serviceName}
            attempt="digitizeWaiting"
            attemptCount={credits.waiting}
            needed={credit(BigInt(credits.waiting) * 10n ** BigInt(credits.decimals))}
            available={credit(credits.available)}
            buyUrl={buyCreditsPath(SERVICES.documentsDigitization)}
          />
        )}
        <UploadForm />
        <DataTable
          cards
          words={tableWords}
          rows={documents}
          columns={[
            {
              key: "document",
              rowHeader: true,
              cell: (d) => <TextLink href={documentPath(d.id)} prefetch={false} className="wrap-anywhere">{d.fileName}</TextLink>,
              detail: (d) => `${formatBytes(d.fileSize, locale)}${d.pageCount ? t("list.pages", { count: d.pageCount }) : ""}`,
            },
            { key: "kind", className: "text-gray-700", cell: (d) => t(`kinds.${d.kind}`) },
            {
              key: "state",
              cell: (d) => (
                <>
                  <StateBadge state={d.state} progress={d.progress} />
                  {d.state === "ERROR" && d.errorReason && <span className="block text-xs text-red-700">{errorText(t, d.errorReason)}</span>}
                </>
              ),
            },
            { key: "vendor", className: "text-gray-700", cell: (d) => d.vendorName ?? "—" },
            { key: "total", numeric: true, className: "text-gray-700", cell: (d) => (d.total ? `${d.total} ${d.currency ?? ""}` : "—") },
            { key: "uploaded", nowrap: true, className: "text-gray-700", cell: (d) => <DateTime value={d.createdAt} /> },
            { ...ACTIONS_COLUMN, cell: (d) => (isPending(d.state) && d.state === "DIGITIZING" ? null : <DeleteDocumentButton documentId={d.id} fileName={d.fileName} />) },
          ]}
        />
      </div>
    </>
  );
}
