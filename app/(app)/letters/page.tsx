import type { Metadata } from "next";
import Link from "next/link";
import { AutoRefresh } from "@/components/auto-refresh";
import { DateTime } from "@/components/date-time";
import { InsufficientCreditsNotice } from "@/components/insufficient-credits-notice";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { buyCreditsPath } from "@/lib/iap/errors";
import { formatCredits } from "@/lib/iap/units";
import { SNAILMAIL } from "@/lib/snailmail/compose";
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
  // A queued letter is posted by a background job within moments: show it happen.
  const posting = letters.some((letter) => letter.state === "QUEUED" && letter.errorCode === null);

  return (
    <>
      <PageHeader crumbs={[{ label: "Letters" }]} actions={user.role === "ADMIN" ? <ProcessQueueButton /> : undefined} />
      <AutoRefresh active={posting} />
      <div className="mx-auto max-w-7xl space-y-4 px-4 py-6 sm:px-6">
        <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-gray-700">
          <p>
            Snailmail balance: <strong>{formatCredits(available.units, available.decimals)} credits</strong> available ·{" "}
            <Link href={buyCreditsPath(SNAILMAIL)} className="text-brand-600 hover:underline">
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
            action="to post the queued letters"
            needed={waiting.credits}
            available={formatCredits(available.units, available.decimals)}
            buyUrl={buyCreditsPath(SNAILMAIL)}
          />
        )}
        {letters.length === 0 ? (
          <p className="rounded-lg border border-dashed border-gray-300 bg-white px-6 py-10 text-center text-gray-600">
            No letters yet. Open a contact and choose <em>Send by Post</em>.
          </p>
        ) : (
          <div className="relative overflow-x-auto rounded-lg border border-gray-200 bg-white">
            <table className="min-w-full divide-y divide-gray-200 text-sm">
              <caption className="sr-only">Letters</caption>
              <thead className="bg-gray-50 text-left text-xs font-semibold uppercase tracking-wide text-gray-600">
                <tr>
                  <th scope="col" className="px-3 py-2">#</th>
                  <th scope="col" className="px-3 py-2">Date</th>
                  <th scope="col" className="px-3 py-2">Recipient</th>
                  <th scope="col" className="px-3 py-2">Subject</th>
                  <th scope="col" className="px-3 py-2">Printing</th>
                  <th scope="col" className="px-3 py-2 text-right">Credits</th>
                  <th scope="col" className="px-3 py-2">State</th>
                  <th scope="col" className="px-3 py-2">Tracking</th>
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {letters.map((letter) => (
                  <tr key={letter.id} className="align-top">
                    <td className="px-3 py-2 text-gray-500">{letter.id}</td>
                    <td className="whitespace-nowrap px-3 py-2">
                      <DateTime value={letter.createdAt} />
                      {letter.sentAt && (
                        <span className="block text-xs text-gray-500">
                          sent <DateTime value={letter.sentAt} />
                        </span>
                      )}
                    </td>
                    <td className="px-3 py-2">
                      {letter.contactId ? (
                        <Link href={`/contacts/${letter.contactId}/post`} className="text-brand-600 hover:underline">
                          {letter.recipient}
                        </Link>
                      ) : (
                        letter.recipient
                      )}
                      <span className="block text-xs text-gray-500">{letter.country}</span>
                    </td>
                    <td className="max-w-56 px-3 py-2">
                      <span className="block truncate">{letter.subject}</span>
                      <span className="block text-xs text-gray-500">{letter.kind === "document" ? "Attached PDF" : "Letter"}</span>
                    </td>
                    <td className="whitespace-nowrap px-3 py-2 text-xs text-gray-700">
                      {letter.pages} {letter.pages === 1 ? "page" : "pages"} / {letter.sheets} {letter.sheets === 1 ? "sheet" : "sheets"}
                      <span className="block">
                        {letter.color ? "Colour" : "Black & white"} · {letter.duplex ? "double-sided" : "single-sided"}
                      </span>
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{letter.credits}</td>
                    <td className="max-w-72 px-3 py-2">
                      <LetterStateBadge state={letter.state} />
                      <LetterError code={letter.errorCode} message={letter.errorMessage} />
                    </td>
                    <td className="px-3 py-2 text-xs text-gray-700">{letter.trackingId ?? "—"}</td>
                    <td className="whitespace-nowrap px-3 py-2">
                      <div className="flex flex-wrap items-start gap-3">
                        <a href={`/letters/${letter.id}/pdf`} className="text-brand-600 hover:underline" download>
                          PDF<span className="sr-only"> of letter #{letter.id}</span>
                        </a>
                        {(letter.state === "ERROR" || (letter.state === "QUEUED" && letter.errorCode === "NO_CREDIT")) && <ResendButton letterId={letter.id} />}
                        {(letter.state === "QUEUED" || letter.state === "ERROR") && <CancelButton letterId={letter.id} />}
                      </div>
                    </td>
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
