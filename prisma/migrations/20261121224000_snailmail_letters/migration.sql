-- CreateEnum
CREATE TYPE "LetterState" AS ENUM ('QUEUED', 'SENT', 'ERROR', 'CANCELED');

-- CreateEnum
CREATE TYPE "LetterErrorCode" AS ENUM ('MISSING_FIELDS', 'NO_CREDIT', 'FORMAT_ERROR', 'NO_PRICE', 'PROVIDER_ERROR');

-- CreateTable
CREATE TABLE "letter" (
    "id" SERIAL NOT NULL,
    "company_id" INTEGER NOT NULL,
    "contact_id" INTEGER,
    "subject" TEXT NOT NULL,
    "body" TEXT,
    "attachment_name" TEXT,
    "color" BOOLEAN NOT NULL DEFAULT false,
    "duplex" BOOLEAN NOT NULL DEFAULT false,
    "pages" INTEGER NOT NULL,
    "sheets" INTEGER NOT NULL,
    "pdf" BYTEA NOT NULL,
    "address" JSONB NOT NULL,
    "country" CHAR(2) NOT NULL,
    "zone" TEXT NOT NULL,
    "credits" BIGINT NOT NULL,
    "state" "LetterState" NOT NULL DEFAULT 'QUEUED',
    "error_code" "LetterErrorCode",
    "error_message" TEXT,
    "provider" TEXT,
    "provider_id" TEXT,
    "tracking_id" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMP(3),
    "request_key" TEXT,
    "hold_id" INTEGER,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),

    CONSTRAINT "letter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "letter_state_next_attempt_at_idx" ON "letter"("state", "next_attempt_at");

-- CreateIndex
CREATE INDEX "letter_company_id_created_at_idx" ON "letter"("company_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "letter_contact_id_idx" ON "letter"("contact_id");

-- AddForeignKey
ALTER TABLE "letter" ADD CONSTRAINT "letter_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letter" ADD CONSTRAINT "letter_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: prices and page counts are positive; a letter is sent with a provider reference.
ALTER TABLE "letter" ADD CONSTRAINT "letter_credits_positive" CHECK ("credits" > 0);
ALTER TABLE "letter" ADD CONSTRAINT "letter_pages_positive" CHECK ("pages" > 0 AND "sheets" > 0);
ALTER TABLE "letter" ADD CONSTRAINT "letter_sent_has_provider" CHECK ("state" <> 'SENT' OR ("provider" IS NOT NULL AND "sent_at" IS NOT NULL));
