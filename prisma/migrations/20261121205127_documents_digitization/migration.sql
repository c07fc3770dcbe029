-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('VENDOR_BILL', 'EXPENSE_RECEIPT');

-- CreateEnum
CREATE TYPE "DocumentState" AS ENUM ('UPLOADED', 'DIGITIZING', 'TO_REVIEW', 'DONE', 'ERROR', 'WAITING_CREDITS');

-- CreateEnum
CREATE TYPE "DocumentJobState" AS ENUM ('QUEUED', 'RUNNING', 'WAITING_CREDITS', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "document" (
    "id" SERIAL NOT NULL,
    "company_id" INTEGER NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "state" "DocumentState" NOT NULL DEFAULT 'UPLOADED',
    "file_name" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "file_size" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "page_count" INTEGER,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "error_reason" TEXT,
    "text_source" TEXT,
    "text" TEXT,
    "fields" JSONB,
    "hold_id" INTEGER,
    "uploaded_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "digitized_at" TIMESTAMP(3),

    CONSTRAINT "document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_job" (
    "id" SERIAL NOT NULL,
    "document_id" INTEGER NOT NULL,
    "company_id" INTEGER NOT NULL,
    "state" "DocumentJobState" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "locked_at" TIMESTAMP(3),
    "locked_by" TEXT,
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vendor_bill" (
    "id" SERIAL NOT NULL,
    "company_id" INTEGER NOT NULL,
    "document_id" INTEGER NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "vendor_id" INTEGER NOT NULL,
    "invoice_number" TEXT,
    "invoice_date" DATE,
    "due_date" DATE,
    "currency" CHAR(3) NOT NULL,
    "subtotal" BIGINT,
    "tax" BIGINT,
    "total" BIGINT NOT NULL,
    "iban" TEXT,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vendor_bill_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "document_company_id_created_at_idx" ON "document"("company_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "document_job_state_id_idx" ON "document_job"("state", "id");

-- CreateIndex
CREATE INDEX "document_job_company_id_state_idx" ON "document_job"("company_id", "state");

-- CreateIndex
CREATE INDEX "document_job_document_id_idx" ON "document_job"("document_id");

-- CreateIndex
CREATE UNIQUE INDEX "vendor_bill_document_id_key" ON "vendor_bill"("document_id");

-- CreateIndex
CREATE INDEX "vendor_bill_company_id_created_at_idx" ON "vendor_bill"("company_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "vendor_bill_vendor_id_idx" ON "vendor_bill"("vendor_id");

-- AddForeignKey
ALTER TABLE "document_job" ADD CONSTRAINT "document_job_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vendor_bill" ADD CONSTRAINT "vendor_bill_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: foreign keys to core tables (kept out of the Prisma schema so
-- the core models need no back-relation fields), and sanity checks.
ALTER TABLE "document" ADD CONSTRAINT "document_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "document_job" ADD CONSTRAINT "document_job_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "vendor_bill" ADD CONSTRAINT "vendor_bill_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "vendor_bill" ADD CONSTRAINT "vendor_bill_vendor_id_fkey" FOREIGN KEY ("vendor_id") REFERENCES "contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "document" ADD CONSTRAINT "document_progress_check" CHECK ("progress" BETWEEN 0 AND 100);
-- At most one live job per document: a second upload click or a re-queue cannot run it twice.
CREATE UNIQUE INDEX "document_job_one_live_per_document" ON "document_job" ("document_id") WHERE "state" IN ('QUEUED', 'RUNNING', 'WAITING_CREDITS');
