-- CreateEnum
CREATE TYPE "PurchaseOrigin" AS ENUM ('MANUAL', 'AUTO_TOPUP');

-- CreateEnum
CREATE TYPE "DisputeStatus" AS ENUM ('OPEN', 'WON', 'LOST');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "LedgerKind" ADD VALUE 'AUTO_TOPUP';
ALTER TYPE "LedgerKind" ADD VALUE 'REFUND_REVERSAL';
ALTER TYPE "LedgerKind" ADD VALUE 'DISPUTE_LOSS';

-- AlterTable
ALTER TABLE "company" ADD COLUMN     "stripe_customer_id" TEXT,
ADD COLUMN     "vat_number" TEXT,
ADD COLUMN     "vat_verified_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "iap_account" ADD COLUMN     "auto_topup_below" BIGINT;

-- AlterTable
ALTER TABLE "purchase" ADD COLUMN     "dispute_hold_id" INTEGER,
ADD COLUMN     "dispute_id" TEXT,
ADD COLUMN     "dispute_reversed" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "dispute_status" "DisputeStatus",
ADD COLUMN     "dispute_unrecovered" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "failure_code" TEXT,
ADD COLUMN     "failure_message" TEXT,
ADD COLUMN     "net_amount" INTEGER,
ADD COLUMN     "origin" "PurchaseOrigin" NOT NULL DEFAULT 'MANUAL',
ADD COLUMN     "payment_intent_id" TEXT,
ADD COLUMN     "refund_reversed" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "refund_unrecovered" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "refunded_amount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "vat_amount" INTEGER,
ADD COLUMN     "vat_rate" INTEGER,
ADD COLUMN     "vat_reverse_charge" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "invoice" (
    "id" SERIAL NOT NULL,
    "company_id" INTEGER NOT NULL,
    "purchase_id" INTEGER NOT NULL,
    "issuer" TEXT NOT NULL,
    "number" TEXT,
    "sequence" INTEGER,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "seller" JSONB NOT NULL,
    "buyer" JSONB NOT NULL,
    "description" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "net_amount" INTEGER NOT NULL,
    "vat_amount" INTEGER NOT NULL,
    "gross_amount" INTEGER NOT NULL,
    "vat_rate" INTEGER,
    "vat_reverse_charge" BOOLEAN NOT NULL DEFAULT false,
    "stripe_invoice_id" TEXT,
    "hosted_url" TEXT,
    "pdf_url" TEXT,
    "issued_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice_counter" (
    "company_id" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "invoice_counter_pkey" PRIMARY KEY ("company_id")
);

-- CreateTable
CREATE TABLE "auto_topup" (
    "account_id" INTEGER NOT NULL,
    "company_id" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "threshold" BIGINT NOT NULL,
    "pack_id" INTEGER NOT NULL,
    "monthly_cap" INTEGER NOT NULL,
    "payment_method_id" TEXT,
    "card_label" TEXT,
    "setup_session_id" TEXT,
    "in_flight_purchase_id" INTEGER,
    "disabled_reason" TEXT,
    "disabled_message" TEXT,
    "disabled_at" TIMESTAMP(3),
    "capped_month" TIMESTAMP(3),
    "updated_by_id" INTEGER,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auto_topup_pkey" PRIMARY KEY ("account_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "invoice_purchase_id_key" ON "invoice"("purchase_id");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_stripe_invoice_id_key" ON "invoice"("stripe_invoice_id");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_company_id_sequence_key" ON "invoice"("company_id", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "auto_topup_setup_session_id_key" ON "auto_topup"("setup_session_id");

-- CreateIndex
CREATE UNIQUE INDEX "auto_topup_in_flight_purchase_id_key" ON "auto_topup"("in_flight_purchase_id");

-- CreateIndex
CREATE INDEX "auto_topup_company_id_idx" ON "auto_topup"("company_id");

-- CreateIndex
CREATE UNIQUE INDEX "company_stripe_customer_id_key" ON "company"("stripe_customer_id");

-- CreateIndex
CREATE UNIQUE INDEX "purchase_payment_intent_id_key" ON "purchase"("payment_intent_id");

-- CreateIndex
CREATE INDEX "purchase_account_id_origin_created_at_idx" ON "purchase"("account_id", "origin", "created_at");

-- AddForeignKey
ALTER TABLE "invoice" ADD CONSTRAINT "invoice_purchase_id_fkey" FOREIGN KEY ("purchase_id") REFERENCES "purchase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: links without Prisma back-relations, and the invariants the
-- database keeps itself.
ALTER TABLE "invoice" ADD CONSTRAINT "invoice_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "invoice_counter" ADD CONSTRAINT "invoice_counter_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "auto_topup" ADD CONSTRAINT "auto_topup_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "iap_account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "auto_topup" ADD CONSTRAINT "auto_topup_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "auto_topup" ADD CONSTRAINT "auto_topup_pack_id_fkey" FOREIGN KEY ("pack_id") REFERENCES "credit_pack"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "auto_topup" ADD CONSTRAINT "auto_topup_in_flight_purchase_id_fkey" FOREIGN KEY ("in_flight_purchase_id") REFERENCES "purchase"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "invoice" ADD CONSTRAINT "invoice_amounts_check" CHECK (net_amount >= 0 AND vat_amount >= 0 AND gross_amount = net_amount + vat_amount);
ALTER TABLE "invoice" ADD CONSTRAINT "invoice_series_check" CHECK ((issuer = 'APP') = (sequence IS NOT NULL) AND (sequence IS NULL OR sequence > 0));
ALTER TABLE "auto_topup" ADD CONSTRAINT "auto_topup_settings_check" CHECK (threshold > 0 AND monthly_cap BETWEEN 1 AND 100);
ALTER TABLE "purchase" ADD CONSTRAINT "purchase_reversals_check" CHECK (
  refunded_amount >= 0 AND refund_reversed >= 0 AND refund_unrecovered >= 0 AND dispute_reversed >= 0 AND dispute_unrecovered >= 0
  AND refund_reversed + refund_unrecovered + dispute_reversed + dispute_unrecovered <= credits);
