import type { Metadata } from "next";
import Link from "next/link";
import { AutoRefresh } from "@/components/auto-refresh";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { documentsInProgress } from "@/lib/digitization/worker";
import { env } from "@/lib/env";
import { failedJobs, queueStats, type FailedJob } from "@/lib/jobs/admin";
import { runningBatches } from "@/lib/sms/mass-sms/progress";
import { letterQueueSummary } from "@/lib/snailmail/queue";
import { FailedJobActions, FailedJobsArea } from "./_components/failed-job-actions";
import { JOB_LABELS } from "./_components/job-labels";

export const metadata: Metadata = { title: "Background jobs" };

function subjectLink(subject: FailedJob["subject"]) {
  if (!subject) return null;
  switch (subject.kind) {
    case "email":
      return { href: `/settings/outbox/${subject.id}`, label: `E-mail #${subject.id}` };
    case "document":
      return { href: `/documents/${subject.id}`, label: `Document #${subject.id}` };
    case "letters":
      return { href: "/letters", label: "Letters" };
    case "account":
      return { href: `/settings/iap/${subject.id}`, label: "IAP account" };
    case "sms-batch":
      return { href: "/contacts", label: "Mass SMS" };
  }
}

function Count({ value, tone }: { value: number; tone?: "running" | "failed" }) {
  if (value === 0) return <span className="text-gray-400">0</span>;
  const color = tone === "failed" ? "font-semibold text-red-700" : tone === "running" ? "font-semibold text-brand-700" : "text-gray-900";
  return <span className={color}>{value}</span>;
}

export default async function BackgroundJobsPage() {
  const user = await requireAdmin("/settings/jobs");
  const [queues, failures, batches, documents, letters] = await Promise.all([
    queueStats(user.companyId),
    failedJobs(user.companyId),
    runningBatches(user.companyId),
    documentsInProgress(user.companyId),
    letterQueueSummary(user.companyId),
  ]);
  const busy = queues.some((q) => q.waiting + q.running > 0) || batches.length > 0 || documents.length > 0;
  const inProcess = env().JOBS_CONCURRENCY > 0;
  const nothingRunning = batches.length === 0 && documents.length === 0 && letters.queued === 0;

  return (
    <>
      <PageHeader crumbs={[{ label: "Settings", href: "/settings" }, { label: "Background jobs" }]} />
      <AutoRefresh active={busy} />
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:px-6">
        <p className="text-sm text-gray-600">
          {inProcess
            ? `Every app instance works the queues, ${env().JOBS_CONCURRENCY} jobs at a time (documents, mass SMS and webhook deliveries on their own). Jobs that fail are retried with growing waits.`
            : "This instance runs no jobs itself (JOBS_CONCURRENCY=0): a cron calling /api/cron/run works them."}{" "}
          Counts cover your company's jobs; shared jobs (marked “All companies”) show counts only.
        </p>

        <section aria-labelledby="long-work" className="rounded-lg border border-gray-200 bg-white">
          <h2 id="long-work" className="border-b border-gray-200 bg-gray-50 px-4 py-2.5 text-base font-semibold text-gray-900">
            In progress
          </h2>
          <div className="space-y-4 px-4 py-4 text-sm">
            {nothingRunning && <p className="text-gray-600">Nothing in progress right now.</p>}
            {batches.map((batch) => (
              <div key={batch.batchKey} className="space-y-1">
                <label htmlFor={`batch-${batch.batchKey}`} className="flex flex-wrap justify-between gap-2">
                  <span>
                    <span className="font-medium">Mass SMS</span> started <DateTime value={batch.startedAt} /> from{" "}
                    <Link href="/contacts" className="text-brand-600 hover:underline">
                      Contacts
                    </Link>
                  </span>
                  <span className="tabular-nums text-gray-700">
                    {batch.done} of {batch.messages} numbers
                  </span>
                </label>
                <progress id={`batch-${batch.batchKey}`} className="h-2 w-full accent-brand-600" value={batch.done} max={Math.max(batch.messages, 1)} />
              </div>
            ))}
            {documents.map((document) => (
              <div key={document.id} className="space-y-1">
                <label htmlFor={`document-${document.id}`} className="flex flex-wrap justify-between gap-2">
                  <span>
                    <span className="font-medium">Digitizing</span>{" "}
                    <Link href={`/documents/${document.id}`} className="text-brand-600 hover:underline">
                      {document.fileName}
                    </Link>
                  </span>
                  <span className="tabular-nums text-gray-700">{document.state === "UPLOADED" ? "waiting" : `${document.progress} %`}</span>
                </label>
                <progress id={`document-${document.id}`} className="h-2 w-full accent-brand-600" value={document.state === "UPLOADED" ? 0 : document.progress} max={100} />
              </div>
            ))}
            {letters.queued > 0 && (
              <p>
                <span className="font-medium">Letters</span>: {letters.queued} in the{" "}
                <Link href="/letters" className="text-brand-600 hover:underline">
                  queue
                </Link>
                {letters.waitingForCredits > 0 && <>, {letters.waitingForCredits} waiting for credits</>}
                {letters.nextAttemptAt && (
                  <>
                    , next try <DateTime value={letters.nextAttemptAt} />
                  </>
                )}
                .
              </p>
            )}
          </div>
        </section>

        {/* Focusable, as DataTable's box is: on a phone the table scrolls sideways, and a keyboard must reach it (axe: scrollable-region-focusable). */}
        <div role="group" aria-label="Queues" tabIndex={0} className="relative overflow-x-auto rounded-lg border border-gray-200 bg-white">
          <table className="min-w-full divide-y divide-gray-200 text-sm">
            <caption className="sr-only">Queues: waiting, running, failed and done in the last 24 hours</caption>
            <thead className="bg-gray-50 text-left text-xs font-semibold uppercase tracking-wide text-gray-600">
              <tr>
                <th scope="col" className="px-3 py-2">Queue</th>
                <th scope="col" className="px-3 py-2">For</th>
                <th scope="col" className="px-3 py-2 text-right">Waiting</th>
                <th scope="col" className="px-3 py-2 text-right">Running</th>
                <th scope="col" className="px-3 py-2 text-right">Failed</th>
                <th scope="col" className="px-3 py-2 text-right">Done (24 h)</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {queues.map((queue) => (
                <tr key={queue.name} className="align-top">
                  <th scope="row" className="min-w-40 px-3 py-2 text-left font-normal">
                    <span className="font-medium text-gray-900">{JOB_LABELS[queue.name].title}</span>
                    <span className="hidden text-xs text-gray-500 sm:block">{JOB_LABELS[queue.name].description}</span>
                  </th>
                  <td className="px-3 py-2 whitespace-nowrap text-gray-600">{queue.scope === "company" ? "Your company" : "All companies"}</td>
                  <td className="px-3 py-2 text-right tabular-nums"><Count value={queue.waiting} /></td>
                  <td className="px-3 py-2 text-right tabular-nums"><Count value={queue.running} tone="running" /></td>
                  <td className="px-3 py-2 text-right tabular-nums"><Count value={queue.failed} tone="failed" /></td>
                  <td className="px-3 py-2 text-right tabular-nums"><Count value={queue.done} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        <section aria-labelledby="failed-jobs" className="space-y-2">
          <h2 id="failed-jobs" className="text-base font-semibold text-gray-900">
            Failed jobs
          </h2>
          <FailedJobsArea>
            {failures.length === 0 ? (
              <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-6 text-center text-sm text-gray-600">No failed jobs.</p>
            ) : (
              <div role="group" aria-label="Failed jobs" tabIndex={0} className="relative overflow-x-auto rounded-lg border border-gray-200 bg-white">
                <table className="min-w-full divide-y divide-gray-200 text-sm">
                  <caption className="sr-only">Jobs that failed after their last attempt, newest first</caption>
                  <thead className="bg-gray-50 text-left text-xs font-semibold uppercase tracking-wide text-gray-600">
                    <tr>
                      <th scope="col" className="px-3 py-2">Job</th>
                      <th scope="col" className="px-3 py-2">On</th>
                      <th scope="col" className="px-3 py-2">Error</th>
                      <th scope="col" className="px-3 py-2 text-right">Attempts</th>
                      <th scope="col" className="px-3 py-2">Failed</th>
                      <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-gray-100">
                    {failures.map((failure) => {
                      const link = subjectLink(failure.subject);
                      const label = `${JOB_LABELS[failure.name].title}${link ? ` (${link.label})` : ""}`;
                      return (
                        <tr key={failure.id} className="align-top">
                          <td className="px-3 py-2 whitespace-nowrap font-medium">{JOB_LABELS[failure.name].title}</td>
                          <td className="px-3 py-2 whitespace-nowrap">
                            {link ? (
                              <Link href={link.href} className="text-brand-600 hover:underline">
                                {link.label}
                              </Link>
                            ) : (
                              <span className="text-gray-400">—</span>
                            )}
                          </td>
                          <td className="max-w-md px-3 py-2 text-gray-700">
                            <span className="line-clamp-3" title={failure.error}>{failure.error}</span>
                          </td>
                          <td className="px-3 py-2 text-right tabular-nums">{failure.attempts}</td>
                          <td className="px-3 py-2 whitespace-nowrap"><DateTime value={failure.finishedAt} /></td>
                          <td className="px-3 py-2"><FailedJobActions id={failure.id} label={label} retryable={failure.retryable} /></td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </FailedJobsArea>
        </section>
      </div>
    </>
  );
}
