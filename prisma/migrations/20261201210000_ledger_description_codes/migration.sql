-- Ledger entries and holds written by the app store what they were for as a
-- code and its parameters, worded in the reader's language on the account's
-- credit history and its CSV export; the English description is still written
-- (the history's search and integrations read it). Older rows have no code and
-- keep showing their description as it was written.
-- AlterTable
ALTER TABLE "credit_hold" ADD COLUMN     "description_code" TEXT,
ADD COLUMN     "description_params" JSONB;

-- AlterTable
ALTER TABLE "ledger_entry" ADD COLUMN     "description_code" TEXT,
ADD COLUMN     "description_params" JSONB;
