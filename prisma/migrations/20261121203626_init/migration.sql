-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'USER');

-- CreateEnum
CREATE TYPE "LedgerKind" AS ENUM ('TRIAL_GRANT', 'PURCHASE', 'USAGE', 'REFUND', 'ADJUSTMENT');

-- CreateEnum
CREATE TYPE "HoldStatus" AS ENUM ('PENDING', 'CAPTURED', 'RELEASED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "PaymentProvider" AS ENUM ('STRIPE', 'DEMO');

-- CreateEnum
CREATE TYPE "PurchaseStatus" AS ENUM ('PENDING', 'PAID', 'FAILED', 'EXPIRED', 'CANCELED');

-- CreateEnum
CREATE TYPE "ChatterKind" AS ENUM ('NOTE', 'SMS', 'EMAIL', 'SYSTEM');

-- CreateEnum
CREATE TYPE "SmsEncoding" AS ENUM ('GSM7', 'UCS2');

-- CreateEnum
CREATE TYPE "SmsState" AS ENUM ('QUEUED', 'SENT', 'DELIVERED', 'ERROR', 'CANCELED');

-- CreateEnum
CREATE TYPE "EmailState" AS ENUM ('QUEUED', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "company" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "trial_eligible" BOOLEAN NOT NULL DEFAULT false,
    "street" TEXT,
    "city" TEXT,
    "zip" TEXT,
    "email" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "company_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "company_id" INTEGER NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'USER',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "iap_service" (
    "id" SERIAL NOT NULL,
    "technical_name" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "unit_name" TEXT NOT NULL DEFAULT 'credits',
    "decimals" INTEGER NOT NULL DEFAULT 0,
    "trial_credits" BIGINT NOT NULL DEFAULT 0,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "iap_service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "iap_account" (
    "id" SERIAL NOT NULL,
    "company_id" INTEGER NOT NULL,
    "service_id" INTEGER NOT NULL,
    "balance" BIGINT NOT NULL DEFAULT 0,
    "held" BIGINT NOT NULL DEFAULT 0,
    "warn_enabled" BOOLEAN NOT NULL DEFAULT false,
    "warning_threshold" BIGINT,
    "warning_email" TEXT,
    "warned_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "iap_account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_entry" (
    "id" BIGSERIAL NOT NULL,
    "account_id" INTEGER NOT NULL,
    "kind" "LedgerKind" NOT NULL,
    "amount" BIGINT NOT NULL,
    "balance_after" BIGINT NOT NULL,
    "description" TEXT NOT NULL,
    "reference" TEXT,
    "idempotency_key" TEXT NOT NULL,
    "hold_id" INTEGER,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "credit_hold" (
    "id" SERIAL NOT NULL,
    "account_id" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,
    "captured_amount" BIGINT,
    "status" "HoldStatus" NOT NULL DEFAULT 'PENDING',
    "description" TEXT NOT NULL,
    "reference" TEXT,
    "idempotency_key" TEXT NOT NULL,
    "result" JSONB,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMP(3),

    CONSTRAINT "credit_hold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "credit_pack" (
    "id" SERIAL NOT NULL,
    "service_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "credits" BIGINT NOT NULL,
    "price" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "credit_pack_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "purchase" (
    "id" SERIAL NOT NULL,
    "account_id" INTEGER NOT NULL,
    "pack_id" INTEGER NOT NULL,
    "credits" BIGINT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "provider" "PaymentProvider" NOT NULL,
    "provider_ref" TEXT,
    "status" "PurchaseStatus" NOT NULL DEFAULT 'PENDING',
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paid_at" TIMESTAMP(3),

    CONSTRAINT "purchase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contact" (
    "id" SERIAL NOT NULL,
    "company_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "mobile" TEXT,
    "country" CHAR(2),
    "street" TEXT,
    "street2" TEXT,
    "city" TEXT,
    "zip" TEXT,
    "is_company" BOOLEAN NOT NULL DEFAULT false,
    "vat" TEXT,
    "registration_number" TEXT,
    "industry" TEXT,
    "website" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "chatter_message" (
    "id" SERIAL NOT NULL,
    "contact_id" INTEGER NOT NULL,
    "kind" "ChatterKind" NOT NULL,
    "body" TEXT NOT NULL,
    "author_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chatter_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sms_message" (
    "id" SERIAL NOT NULL,
    "company_id" INTEGER NOT NULL,
    "contact_id" INTEGER,
    "number" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "encoding" "SmsEncoding" NOT NULL,
    "parts" INTEGER NOT NULL,
    "credits" BIGINT NOT NULL DEFAULT 0,
    "state" "SmsState" NOT NULL DEFAULT 'QUEUED',
    "failure_reason" TEXT,
    "gateway_id" TEXT,
    "batch_key" TEXT,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),

    CONSTRAINT "sms_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sms_price" (
    "id" SERIAL NOT NULL,
    "country" TEXT NOT NULL,
    "credits_per_part" BIGINT NOT NULL,

    CONSTRAINT "sms_price_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outgoing_email" (
    "id" SERIAL NOT NULL,
    "company_id" INTEGER,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "state" "EmailState" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "message_id" TEXT,
    "dedupe_key" TEXT,
    "sent_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outgoing_email_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "app_user_company_id_idx" ON "app_user"("company_id");

-- CreateIndex
CREATE UNIQUE INDEX "iap_service_technical_name_key" ON "iap_service"("technical_name");

-- CreateIndex
CREATE INDEX "iap_account_service_id_idx" ON "iap_account"("service_id");

-- CreateIndex
CREATE UNIQUE INDEX "iap_account_company_id_service_id_key" ON "iap_account"("company_id", "service_id");

-- CreateIndex
CREATE INDEX "ledger_entry_account_id_id_idx" ON "ledger_entry"("account_id", "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "ledger_entry_account_id_idempotency_key_key" ON "ledger_entry"("account_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "credit_hold_status_expires_at_idx" ON "credit_hold"("status", "expires_at");

-- CreateIndex
CREATE INDEX "credit_hold_account_id_status_idx" ON "credit_hold"("account_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "credit_hold_account_id_idempotency_key_key" ON "credit_hold"("account_id", "idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "credit_pack_service_id_code_key" ON "credit_pack"("service_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "purchase_provider_ref_key" ON "purchase"("provider_ref");

-- CreateIndex
CREATE INDEX "purchase_account_id_created_at_idx" ON "purchase"("account_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "contact_company_id_name_idx" ON "contact"("company_id", "name");

-- CreateIndex
CREATE INDEX "chatter_message_contact_id_created_at_idx" ON "chatter_message"("contact_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "sms_message_company_id_created_at_idx" ON "sms_message"("company_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "sms_message_contact_id_idx" ON "sms_message"("contact_id");

-- CreateIndex
CREATE UNIQUE INDEX "sms_price_country_key" ON "sms_price"("country");

-- CreateIndex
CREATE UNIQUE INDEX "outgoing_email_dedupe_key_key" ON "outgoing_email"("dedupe_key");

-- CreateIndex
CREATE INDEX "outgoing_email_state_next_attempt_at_idx" ON "outgoing_email"("state", "next_attempt_at");

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "iap_account" ADD CONSTRAINT "iap_account_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "iap_account" ADD CONSTRAINT "iap_account_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "iap_service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "iap_account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_hold" ADD CONSTRAINT "credit_hold_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "iap_account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_pack" ADD CONSTRAINT "credit_pack_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "iap_service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "purchase" ADD CONSTRAINT "purchase_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "iap_account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "purchase" ADD CONSTRAINT "purchase_pack_id_fkey" FOREIGN KEY ("pack_id") REFERENCES "credit_pack"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact" ADD CONSTRAINT "contact_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chatter_message" ADD CONSTRAINT "chatter_message_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sms_message" ADD CONSTRAINT "sms_message_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sms_message" ADD CONSTRAINT "sms_message_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outgoing_email" ADD CONSTRAINT "outgoing_email_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- Hand-written: invariants the database itself enforces, whatever the code does.

-- An account never goes negative and never holds more than it has.
ALTER TABLE "iap_account" ADD CONSTRAINT "iap_account_balance_non_negative" CHECK ("balance" >= 0);
ALTER TABLE "iap_account" ADD CONSTRAINT "iap_account_held_within_balance" CHECK ("held" >= 0 AND "held" <= "balance");
ALTER TABLE "iap_account" ADD CONSTRAINT "iap_account_threshold_non_negative" CHECK ("warning_threshold" IS NULL OR "warning_threshold" >= 0);
ALTER TABLE "credit_hold" ADD CONSTRAINT "credit_hold_amount_positive" CHECK ("amount" > 0);
ALTER TABLE "credit_hold" ADD CONSTRAINT "credit_hold_capture_within_amount" CHECK ("captured_amount" IS NULL OR ("captured_amount" >= 0 AND "captured_amount" <= "amount"));
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_amount_non_zero" CHECK ("amount" <> 0);
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_balance_after_non_negative" CHECK ("balance_after" >= 0);
ALTER TABLE "credit_pack" ADD CONSTRAINT "credit_pack_credits_positive" CHECK ("credits" > 0 AND "price" >= 0);
ALTER TABLE "iap_service" ADD CONSTRAINT "iap_service_decimals_range" CHECK ("decimals" BETWEEN 0 AND 6 AND "trial_credits" >= 0);

-- The ledger is append-only: corrections are new (reversing) entries.
CREATE FUNCTION "ledger_entry_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger entries are append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER "ledger_entry_append_only"
  BEFORE UPDATE OR DELETE ON "ledger_entry"
  FOR EACH ROW EXECUTE FUNCTION "ledger_entry_refuse_change"();
CREATE TRIGGER "ledger_entry_no_truncate"
  BEFORE TRUNCATE ON "ledger_entry"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_entry_refuse_change"();
