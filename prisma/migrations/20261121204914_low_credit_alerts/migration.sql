-- AlterTable
ALTER TABLE "outgoing_email" ADD COLUMN     "locked_until" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "outgoing_email_company_id_created_at_idx" ON "outgoing_email"("company_id", "created_at" DESC);

-- Hand-written: partial indexes for the low-credit job (lib/alerts/low-credits.ts).
-- Accounts the job watches: Warn Me on and not warned for the current crossing.
-- The predicate leaves out `balance` on purpose: an index that mentions balance
-- would make every debit a non-HOT update of iap_account.
CREATE INDEX "iap_account_warn_armed_idx" ON "iap_account" ("id") WHERE "warn_enabled" AND "warned_at" IS NULL;
-- Accounts warned for their current crossing: the few the re-arm sweep looks at.
CREATE INDEX "iap_account_warned_idx" ON "iap_account" ("id") WHERE "warned_at" IS NOT NULL;
-- Outbox rows a delivery run can claim (QUEUED is the small, moving part of the table).
CREATE INDEX "outgoing_email_due_idx" ON "outgoing_email" ("next_attempt_at", "id") WHERE "state" = 'QUEUED';
