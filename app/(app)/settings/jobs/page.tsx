import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AutoRefresh } from "@/components/auto-refresh";
import { ACTIONS_COLUMN, DataTable } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { Section } from "@/components/section";
import { linkChunks } from "@/components/text-link";
import { requireAdmin } from "@/lib/auth/session";
import { documentsInProgress } from "@/lib/digitization/worker";
import { env } from "@/lib/env";
import { failedJobs, queueStats, type FailedJob } from "@/lib/jobs/admin";
import type { JobName } from "@/lib/jobs/list";
import { runningBatches } from "@/lib/sms/mass-sms/progress";
import { letterQueueSummary } from "@/lib/snailmail/letter-actions";
import { FailedJobActions, FailedJobsArea } from "./_components/failed-job-actions";
import { titleFrom } from "@/lib/i18n/page-title";

type Translator = Awaited<ReturnType<typeof getTranslations<"jobs">>>;

export const generateMetadata = titleFrom("jobs", "title");

// A job's name ("credits.low-check") is its key in messages/<locale>/jobs.json: names.credits.low-check.title.
const jobTitle = (t: Translator, name: JobName) => t(`names.${name}.title`);

function subjectLink(t: Translator, subject: FailedJob["subject"]) {
  if (!subject) return null;
  switch (subject.kind) {
    case "email":
      return { href: `/settings/outbox/${subject.id}`, label: t("subjects.email", { id: String(subject.id) }) };
    case "document":
      return { href: `/documents/${subject.id}`, label: t("subjects.document", { id: String(subject.id) }) };
    case "letters":
      return { href: "/letters", label: t("subjects.letters") };
    case "account":
      return { href: `/settings/iap/${subject.id}`, label: t("subjects.account") };
    case "sms-batch":
      return { href: "/contacts", label: t("subjects.smsBatch") };
    default:
      return null;
  }
}

function Count({ value, tone }: { value: number; tone?: "running" | "failed" }) {
  if (value === 0) return <span className="text-gray-400">0</span>;
  const color = tone === "failed" ? "font-semibold text-red-700" : tone === "running" ? "font-semibold text-brand-700" : "text-gray-900";
  return <span className={color}>{value}</span>;
}

const name = (chunks: ReactNode) => <span className="font-medium">{chunks}</span>;

export default async function BackgroundJobsPage() {
  const user = await requireAdmin("/settings/jobs");
  const [t, common] = await Promise.all([getTranslations("jobs"), getTranslations("common")]);
  const [queues, failures, batches, documents, letters] = await Promise.all([
    queueStats(user.companyId),
    failedJobs(user.companyId),
    runningBatches(user.companyId),
    documentsInProgress(user.companyId),
    letterQueueSummary(user.companyId),
  ]);
  const busy = queues.some((q) => q.waiting + q.running > 0) || batches.length > 0 || documents.length > 0;
  const concurrency = env().JOBS_CONCURRENCY;
  const nothingRunning = batches.length === 0 && documents.length === 0 && letters.queued === 0;

  return (
    <>
      <PageHeader crumbs={[{ label: common("nav.settings"), href: "/settings" }, { label: t("title") }]} />
      <AutoRefresh active={busy} />
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:px-6">
        <p className="text-sm text-gray-600">
          {concurrency > 0 ? t("intro.inProcess", { concurrency }) : t("intro.cronOnly")} {t("intro.scope")}
        </p>

        <Section look="panel" title={t("inProgress.heading")}>
          <div className="space-y-4 px-4 py-4 text-sm">
            {nothingRunning && <p className="text-gray-600">{t("inProgress.nothing")}</p>}
            {batches.map((batch) => (
              <div key={batch.batchKey} className="space-y-1">
                <label htmlFor={`batch-${batch.batchKey}`} className="flex flex-wrap justify-between gap-2">
                  <span>{t.rich("inProgress.massSms", { name, date: () => <DateTime value={batch.startedAt} />, link: linkChunks("/contacts") })}</span>
                  <span className="tabular-nums text-gray-700">{t("inProgress.massSmsProgress", { done: batch.done, total: batch.messages })}</span>
                </label>
                <progress id={`batch-${batch.batchKey}`} className="h-2 w-full accent-brand-600" value={batch.done} max={Math.max(batch.messages, 1)} />
              </div>
            ))}
            {documents.map((document) => (
              <div key={document.id} className="space-y-1">
                <label htmlFor={`document-${document.id}`} className="flex flex-wrap justify-between gap-2">
                  <span>{t.rich("inProgress.digitizing", { name, fileName: document.fileName, link: linkChunks(`/documents/${document.id}`) })}</span>
                  <span className="tabular-nums text-gray-700">
                    {document.state === "UPLOADED" ? t("inProgress.documentWaiting") : t("inProgress.documentProgress", { progress: document.progress })}
                  </span>
                </label>
                <progress id={`document-${document.id}`} className="h-2 w-full accent-brand-600" value={document.state === "UPLOADED" ? 0 : document.progress} max={100} />
              </div>
            ))}
            {letters.queued > 0 && (
              <p>
                {t.rich("inProgress.letters", {
                  name,
                  queued: letters.queued,
                  waiting: letters.waitingForCredits,
                  next: letters.nextAttemptAt ? "yes" : "no",
                  link: linkChunks("/letters"),
                  date: () => <DateTime value={letters.nextAttemptAt} />,
                })}
              </p>
            )}
          </div>
        </Section>

        <DataTable
          caption={t("queues.caption")}
          rows={queues}
          rowKey={(queue) => queue.name}
          empty={t("queues.empty")}
          columns={[
            {
              key: "queue",
              header: t("queues.queue"),
              rowHeader: true,
              className: "min-w-40 font-normal!",
              cell: (queue) => (
                <>
                  <span className="font-medium text-gray-900">{jobTitle(t, queue.name)}</span>
                  <span className="hidden text-xs text-gray-500 sm:block">{t(`names.${queue.name}.description`)}</span>
                </>
              ),
            },
            { key: "for", header: t("queues.for"), nowrap: true, className: "text-gray-600", cell: (queue) => t(queue.scope === "company" ? "queues.company" : "queues.system") },
            { key: "waiting", header: t("queues.waiting"), numeric: true, cell: (queue) => <Count value={queue.waiting} /> },
            { key: "running", header: t("queues.running"), numeric: true, cell: (queue) => <Count value={queue.running} tone="running" /> },
            { key: "failed", header: t("queues.failed"), numeric: true, cell: (queue) => <Count value={queue.failed} tone="failed" /> },
            { key: "done", header: t("queues.done"), numeric: true, cell: (queue) => <Count value={queue.done} /> },
          ]}
        />

        <Section title={t("failed.heading")}>
          <FailedJobsArea>
            <DataTable
              caption={t("failed.caption")}
              rows={failures}
              empty={t("failed.empty")}
              columns={[
                { key: "job", header: t("failed.job"), nowrap: true, className: "font-medium", cell: (failure) => jobTitle(t, failure.name) },
                {
                  key: "on",
                  header: t("failed.on"),
                  nowrap: true,
                  cell: (failure) => {
                    const link = subjectLink(t, failure.subject);
                    return link ? linkChunks(link.href)(link.label) : <span className="text-gray-400">—</span>;
                  },
                },
                {
                  key: "error",
                  header: t("failed.error"),
                  className: "max-w-md text-gray-700",
                  cell: (failure) => (
                    <span className="line-clamp-3" title={failure.error}>
                      {failure.error}
                    </span>
                  ),
                },
                { key: "attempts", header: t("failed.attempts"), numeric: true, cell: (failure) => failure.attempts },
                { key: "failed", header: t("failed.failedAt"), nowrap: true, cell: (failure) => <DateTime value={failure.finishedAt} /> },
                { ...ACTIONS_COLUMN, header: t("failed.actions"), cell: (failure) => {
                  const link = subjectLink(t, failure.subject);
                  const job = jobTitle(t, failure.name);
                  return <FailedJobActions id={failure.id} label={link ? t("failed.withSubject", { job, subject: link.label }) : job} retryable={failure.retryable} />;
                } },
              ]}
            />
          </FailedJobsArea>
        </Section>
      </div>
    </>
  );
}
