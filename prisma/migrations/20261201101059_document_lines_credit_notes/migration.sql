-- AlterTable
ALTER TABLE "document" ADD COLUMN     "credit_note" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lines" JSONB;

-- AlterTable
ALTER TABLE "vendor_bill" ADD COLUMN     "credit_note" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lines" JSONB;
