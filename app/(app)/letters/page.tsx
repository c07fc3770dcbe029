import { getLocale, getTranslations } from "next-intl/server";
import { AutoRefresh } from "@/components/auto-refresh";
import { ACTIONS_COLUMN, DataTable } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { InsufficientCreditsNotice } from "@/components/insufficient-credits-notice";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { SERVICES } from "@/lib/iap/catalogue";
import { formatCredits } from "@/lib/iap/units";
import { buyCreditsPath, contactPostPath, letterPdfPath } from "@/lib/routes";
import { availableForLetters, listLetters } from "@/lib/snailmail/letters";
import { postalProvider } from "@/lib/snailmail/providers";
import { CancelButton, ProcessQueueButton, ResendButton } from "./_components/letter-actions";
import { LetterError, LetterStateBadge } from "./_components/letter-state-badge";
import { titleFrom } from "@/lib/i18n/page-title";
import { TextLink } from "@/components/text-link";

export const generateMetadata = titleFrom("letters", "list.metaTitle");

export default async function LettersPage() {
  const user = await requireUser("/letters");
  const [letters, available] = await Promise.all([listLetters(user.companyId), availableForLetters(user.companyId)]);
  const [t, locale] = await Promise.all([getTranslations("letters.list"), getLocale()]);
  const provider = postalProvider();
  const waiting = letters.find((letter) => letter.state === "QUEUED" && letter.errorCode === "NO_CREDIT");
  // A queued letter is posted by a background job within moments: show it happen.
  const posting = letters.some((letter) => letter.state === "QUEUED" && letter.errorCode === null);

  return (
    <>
      <PageHeader crumbs={[{ label: t("crumb") }]} actions={user.role === "ADMIN" ? <ProcessQueueButton /> : undefined} />
      <AutoRefresh active={posting} />
      <div className="mx-auto max-w-7xl space-y-4 px-4 py-6 sm:px-6">
        <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-gray-700">
          <p>
            {t.rich("balance", {
              credits: formatCredits(available.units, available.decimals, { locale }),
              count: Number(available.units) / 10 ** available.decimals,
              strong: (chunks) => <strong>{chunks}</strong>,
            })}{" "}
            ·{" "}
            <TextLink href={buyCreditsPath(SERVICES.snailmail)}>
              {t("buyCredits")}
            </TextLink>
          </p>
          <p className={provider.posts ? "text-gray-600" : "rounded-md border border-sky-200 bg-sky-50 px-3 py-1 text-sky-900"}>
            {provider.posts ? t("postedBy", { provider: provider.label }) : t("testPostOffice")}
          </p>
        </div>
        {waiting && (
          <InsufficientCreditsNotice
            service="Snailmail"
            attempt="postQueuedLetters"
            needed={waiting.credits}
            available={formatCredits(available.units, available.decimals)}
            buyUrl={buyCreditsPath(SERVICES.snailmail)}
          />
        )}
        <DataTable
          cards
          caption={t("caption")}
          rows={letters}
          empty={
            <>
              {t.rich("empty", { em: (chunks) => <em>{chunks}</em> })}
            </>
          }
          columns={[
            { key: "id", header: "#", className: "text-gray-600", cell: (letter) => letter.id },
            {
              key: "date",
              header: t("columns.date"),
              nowrap: true,
              cell: (letter) => <DateTime value={letter.createdAt} />,
              detail: (letter) =>
                letter.sentAt && (
                  <>
                    {t("sentOn")} <DateTime value={letter.sentAt} />
                  </>
                ),
            },
            {
              key: "recipient",
              header: t("columns.recipient"),
              rowHeader: true,
              cell: (letter) =>
                letter.contactId ? (
                  <TextLink href={contactPostPath(letter.contactId)}>
                    {letter.recipient}
                  </TextLink>
                ) : (
                  letter.recipient
                ),
              detail: (letter) => letter.country,
            },
            {
              key: "subject",
              header: t("columns.subject"),
              className: "max-w-56",
              cell: (letter) => <span className="block truncate">{letter.subject}</span>,
              detail: (letter) => (letter.kind === "document" ? t("attachedPdf") : t("letter")),
            },
            {
              key: "printing",
              header: t("columns.printing"),
              nowrap: true,
              className: "text-xs text-gray-700",
              cell: (letter) => (
                <>
                  {t("pagesSheets", { pages: letter.pages, sheets: letter.sheets })}
                  <span className="block">
                    {letter.color ? t("colour") : t("blackWhite")} · {letter.duplex ? t("duplex") : t("simplex")}
                  </span>
                </>
              ),
            },
            { key: "credits", header: t("columns.credits"), numeric: true, cell: (letter) => letter.credits },
            {
              key: "state",
              header: t("columns.state"),
              className: "max-w-72",
              cell: (letter) => (
                <>
                  <LetterStateBadge state={letter.state} />
                  <LetterError code={letter.errorCode} message={letter.errorMessage} />
                </>
              ),
            },
            { key: "tracking", header: t("columns.tracking"), className: "text-xs text-gray-700", cell: (letter) => letter.trackingId ?? "—" },
            { ...ACTIONS_COLUMN, header: t("columns.actions"), cell: (letter) => (
              <div className="flex flex-wrap items-start gap-3">
                <a href={letterPdfPath(letter.id)} className="text-link" download>
                  {/* i18n-ignore: the file format's name, the same in every language */}
                  PDF<span className="sr-only">{t("pdfSr", { id: letter.id })}</span>
                </a>
                {(letter.state === "ERROR" || (letter.state === "QUEUED" && letter.errorCode === "NO_CREDIT")) && <ResendButton letterId={letter.id} />}
                {(letter.state === "QUEUED" || letter.state === "ERROR") && <CancelButton letterId={letter.id} />}
              </div>
            ) },
          ]}
        />
      </div>
    </>
  );
}
