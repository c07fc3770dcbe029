import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
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

export const metadata: Metadata = { title: "Letters" };

export default async function LettersPage() {
  const user = await requireUser("/letters");
  const [letters, available] = await Promise.all([listLetters(user.companyId), availableForLetters(user.companyId)]);
  const provider = postalProvider();
  const waiting = letters.find((letter) => letter.state === "QUEUED" && letter.errorCode === "NO_CREDIT");

  return (
    <>
      <PageHeader crumbs={[{ label: "Letters" }]} actions={user.role === "ADMIN" ? <ProcessQueueButton /> : undefined} />
      <div className="mx-auto max-w-7xl space-y-4 px-4 py-6 sm:px-6">
        <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-gray-700">
          <p>
            Snailmail balance: <strong>{formatCredits(available.units, available.decimals)} credits</strong> available ·{" "}
            <Link href={buyCreditsPath(SERVICES.snailmail)} className="text-brand-600 hover:underline">
              Buy credits
            </Link>
          </p>
          <p className={provider.posts ? "text-gray-600" : "rounded-md border border-sky-200 bg-sky-50 px-3 py-1 text-sky-900"}>
            {provider.posts ? `Posted by ${provider.label}` : provider.label}
          </p>
        </div>
        {waiting && (
          <InsufficientCreditsNotice
            service="Snailmail"
            attempt="to post the queued letters"
            needed={waiting.credits}
            available={formatCredits(available.units, available.decimals)}
            buyUrl={buyCreditsPath(SERVICES.snailmail)}
          />
        )}
        <DataTable
          caption="Letters"
          rows={letters}
          rowKey={(letter) => letter.id}
          empty={
            <>
              No letters yet. Open a contact and choose <em>Send by Post</em>.
            </>
          }
          columns={[
            { key: "id", header: "#", className: "text-gray-500", cell: (letter) => letter.id },
            {
              key: "date",
              header: "Date",
              nowrap: true,
              cell: (letter) => (
                <>
                  <DateTime value={letter.createdAt} />
                  {letter.sentAt && (
                    <span className="block text-xs text-gray-500">
                      sent <DateTime value={letter.sentAt} />
                    </span>
                  )}
                </>
              ),
            },
            {
              key: "recipient",
              header: "Recipient",
              cell: (letter) => (
                <>
                  {letter.contactId ? (
                    <Link href={contactPostPath(letter.contactId)} className="text-brand-600 hover:underline">
                      {letter.recipient}
                    </Link>
                  ) : (
                    letter.recipient
                  )}
                  <span className="block text-xs text-gray-500">{letter.country}</span>
                </>
              ),
            },
            {
              key: "subject",
              header: "Subject",
              className: "max-w-56",
              cell: (letter) => (
                <>
                  <span className="block truncate">{letter.subject}</span>
                  <span className="block text-xs text-gray-500">{letter.kind === "document" ? "Attached PDF" : "Letter"}</span>
                </>
              ),
            },
            {
              key: "printing",
              header: "Printing",
              nowrap: true,
              className: "text-xs text-gray-700",
              cell: (letter) => (
                <>
                  {letter.pages} {letter.pages === 1 ? "page" : "pages"} / {letter.sheets} {letter.sheets === 1 ? "sheet" : "sheets"}
                  <span className="block">
                    {letter.color ? "Colour" : "Black & white"} · {letter.duplex ? "double-sided" : "single-sided"}
                  </span>
                </>
              ),
            },
            { key: "credits", header: "Credits", numeric: true, cell: (letter) => letter.credits },
            {
              key: "state",
              header: "State",
              className: "max-w-72",
              cell: (letter) => (
                <>
                  <LetterStateBadge state={letter.state} />
                  <LetterError code={letter.errorCode} message={letter.errorMessage} />
                </>
              ),
            },
            { key: "tracking", header: "Tracking", className: "text-xs text-gray-700", cell: (letter) => letter.trackingId ?? "—" },
            {
              key: "actions",
              header: "Actions",
              headerHidden: true,
              nowrap: true,
              cell: (letter) => (
                <div className="flex flex-wrap items-start gap-3">
                  <a href={letterPdfPath(letter.id)} className="text-brand-600 hover:underline" download>
                    PDF<span className="sr-only"> of letter #{letter.id}</span>
                  </a>
                  {(letter.state === "ERROR" || (letter.state === "QUEUED" && letter.errorCode === "NO_CREDIT")) && <ResendButton letterId={letter.id} />}
                  {(letter.state === "QUEUED" || letter.state === "ERROR") && <CancelButton letterId={letter.id} />}
                </div>
              ),
            },
          ]}
        />
      </div>
    </>
  );
}
