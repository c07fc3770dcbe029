-- AlterEnum
ALTER TYPE "ChatterKind" ADD VALUE 'LETTER';

-- AlterEnum
ALTER TYPE "SignatureRequestState" ADD VALUE 'CANCELED';

-- AlterTable
ALTER TABLE "document" ADD COLUMN     "file_sha256" CHAR(64);

-- AlterTable
ALTER TABLE "signer" ADD COLUMN     "email_id" INTEGER;

-- CreateIndex
CREATE INDEX "document_company_id_file_sha256_idx" ON "document"("company_id", "file_sha256");

-- Hand-written: signers of requests sent before this migration point at the
-- e-mail that carried their link (queued under "sign:signer:<id>").
UPDATE "signer" s SET "email_id" = o."id" FROM "outgoing_email" o WHERE o."dedupe_key" = 'sign:signer:' || s."id" AND s."email_id" IS NULL;

-- Hand-written: a contact's numbers as bare digits ("+33 6 12 34 56 78" →
-- "33612345678"), kept by PostgreSQL itself whichever code writes the contact,
-- so the contact search finds a number however it was typed
-- (lib/contacts/contacts.ts). Trigram indexes serve its "contains" match.
ALTER TABLE "contact" ADD COLUMN "phone_digits" TEXT GENERATED ALWAYS AS (regexp_replace(coalesce("phone", ''), '[^0-9]', '', 'g')) STORED;
ALTER TABLE "contact" ADD COLUMN "mobile_digits" TEXT GENERATED ALWAYS AS (regexp_replace(coalesce("mobile", ''), '[^0-9]', '', 'g')) STORED;
CREATE INDEX "contact_phone_digits_trgm_idx" ON "contact" USING gin ("phone_digits" gin_trgm_ops);
CREATE INDEX "contact_mobile_digits_trgm_idx" ON "contact" USING gin ("mobile_digits" gin_trgm_ops);
