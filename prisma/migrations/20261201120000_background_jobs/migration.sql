-- CreateEnum
CREATE TYPE "JobOutcome" AS ENUM ('DONE', 'FAILED', 'DISCARDED');

-- AlterEnum
ALTER TYPE "SmsState" ADD VALUE 'SENDING';

-- DropForeignKey
ALTER TABLE "document_job" DROP CONSTRAINT "document_job_document_id_fkey";

-- AlterTable
ALTER TABLE "sms_message" ADD COLUMN     "sending_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "outgoing_email" DROP COLUMN "locked_until";

-- DropTable
DROP TABLE "document_job";

-- DropEnum
DROP TYPE "DocumentJobState";

-- CreateTable
CREATE TABLE "job_run" (
    "id" BIGSERIAL NOT NULL,
    "task" TEXT NOT NULL,
    "company_id" INTEGER,
    "job_id" BIGINT NOT NULL,
    "worker" TEXT,
    "outcome" "JobOutcome" NOT NULL,
    "attempts" INTEGER NOT NULL,
    "error" TEXT,
    "payload" JSONB,
    "duration_ms" INTEGER NOT NULL,
    "finished_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMP(3),

    CONSTRAINT "job_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_worker" (
    "pool_id" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "beat_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_worker_pkey" PRIMARY KEY ("pool_id")
);

-- CreateIndex
CREATE INDEX "job_run_company_id_finished_at_idx" ON "job_run"("company_id", "finished_at");

-- CreateIndex
CREATE INDEX "job_run_finished_at_idx" ON "job_run"("finished_at");

-- CreateIndex
CREATE INDEX "job_run_outcome_resolved_at_idx" ON "job_run"("outcome", "resolved_at");

-- CreateIndex
CREATE INDEX "job_worker_beat_at_idx" ON "job_worker"("beat_at");

-- Hand-written: every e-mail queued in the outbox gets its delivery job
-- ("mail.deliver" in lib/jobs/list.ts) in the same transaction as its row, by
-- whichever code inserts it. One call per statement (a transition table), so a
-- batch of warnings adds its jobs in one go. max_attempts and the company flag
-- are what lib/jobs/enqueue.ts would write (lib/jobs/jobs.integration.test.ts
-- checks they agree with the job list). Before
-- graphile-worker's schema exists (a database migrated by Prisma's CLI alone,
-- before the app first started), nothing is added: the mail sweep finds the row.
CREATE FUNCTION "outgoing_email_enqueue_delivery"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF to_regnamespace('graphile_worker') IS NULL OR NOT EXISTS (SELECT 1 FROM queued_emails WHERE state = 'QUEUED') THEN
    RETURN NULL;
  END IF;
  PERFORM graphile_worker.add_jobs(ARRAY(
    SELECT ROW('mail.deliver', json_build_object('emailId', id, 'companyId', company_id), NULL, NULL, 10, 'mail.deliver:' || id, NULL,
               CASE WHEN company_id IS NOT NULL THEN ARRAY['company:' || company_id] END)::graphile_worker.job_spec
      FROM queued_emails WHERE state = 'QUEUED' ORDER BY id
  ));
  RETURN NULL;
END
$$;

CREATE TRIGGER "outgoing_email_enqueue_delivery"
  AFTER INSERT ON "outgoing_email"
  REFERENCING NEW TABLE AS queued_emails
  FOR EACH STATEMENT EXECUTE FUNCTION "outgoing_email_enqueue_delivery"();

-- A finished job's row is written once; the log is pruned by age only.
ALTER TABLE "job_run" ADD CONSTRAINT "job_run_attempts_check" CHECK ("attempts" >= 0);
ALTER TABLE "job_run" ADD CONSTRAINT "job_run_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
