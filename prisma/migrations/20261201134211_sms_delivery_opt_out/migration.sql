-- AlterEnum
ALTER TYPE "SmsState" ADD VALUE 'FAILED';

-- AlterTable
ALTER TABLE "company" ADD COLUMN     "sms_sender" TEXT;

-- AlterTable
ALTER TABLE "chatter_message" ADD COLUMN     "sms_id" INTEGER;

-- AlterTable
ALTER TABLE "sms_message" ADD COLUMN     "carrier_error_code" INTEGER,
ADD COLUMN     "delivered_at" TIMESTAMP(3),
ADD COLUMN     "failed_at" TIMESTAMP(3),
ADD COLUMN     "refunded_at" TIMESTAMP(3),
ADD COLUMN     "sender" TEXT;

-- CreateTable
CREATE TABLE "sms_opt_out" (
    "id" SERIAL NOT NULL,
    "company_id" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "keyword" TEXT,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sms_opt_out_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "sms_opt_out_company_id_number_key" ON "sms_opt_out"("company_id", "number");

-- CreateIndex
CREATE INDEX "sms_message_gateway_id_idx" ON "sms_message"("gateway_id");

-- AddForeignKey
ALTER TABLE "chatter_message" ADD CONSTRAINT "chatter_message_sms_id_fkey" FOREIGN KEY ("sms_id") REFERENCES "sms_message"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sms_opt_out" ADD CONSTRAINT "sms_opt_out_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "chatter_message_sms_id_idx" ON "chatter_message"("sms_id");
