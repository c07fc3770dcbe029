-- CreateEnum
CREATE TYPE "SignatureRequestState" AS ENUM ('SENT', 'COMPLETED', 'REFUSED');

-- CreateEnum
CREATE TYPE "SignerStatus" AS ENUM ('SENT', 'VERIFIED', 'SIGNED', 'REFUSED');

-- CreateEnum
CREATE TYPE "SignatureKind" AS ENUM ('TYPED', 'DRAWN');

-- CreateEnum
CREATE TYPE "IdentityLoginStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "signature_request" (
    "id" SERIAL NOT NULL,
    "company_id" INTEGER NOT NULL,
    "requester_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "original_pdf" BYTEA NOT NULL,
    "original_sha256" CHAR(64) NOT NULL,
    "signed_pdf" BYTEA,
    "state" "SignatureRequestState" NOT NULL DEFAULT 'SENT',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMP(3),

    CONSTRAINT "signature_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "signer" (
    "id" SERIAL NOT NULL,
    "request_id" INTEGER NOT NULL,
    "contact_id" INTEGER,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "require_verification" BOOLEAN NOT NULL DEFAULT false,
    "token_hash" CHAR(64) NOT NULL,
    "token_expires_at" TIMESTAMP(3) NOT NULL,
    "status" "SignerStatus" NOT NULL DEFAULT 'SENT',
    "verified_provider" TEXT,
    "verified_issuer" TEXT,
    "verified_subject" TEXT,
    "verified_name" TEXT,
    "verified_birthdate" TEXT,
    "verified_at" TIMESTAMP(3),
    "name_mismatch" BOOLEAN NOT NULL DEFAULT false,
    "signature_kind" "SignatureKind",
    "signature_text" TEXT,
    "signature_png" BYTEA,
    "signed_at" TIMESTAMP(3),
    "refused_at" TIMESTAMP(3),
    "refusal_reason" TEXT,
    "ip" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "signer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity_login" (
    "id" SERIAL NOT NULL,
    "signer_id" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "code_verifier" TEXT NOT NULL,
    "hold_id" INTEGER,
    "account_id" INTEGER,
    "status" "IdentityLoginStatus" NOT NULL DEFAULT 'PENDING',
    "error" TEXT,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "identity_login_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "signature_request_company_id_created_at_idx" ON "signature_request"("company_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "signer_token_hash_key" ON "signer"("token_hash");

-- CreateIndex
CREATE INDEX "signer_request_id_sort_order_idx" ON "signer"("request_id", "sort_order");

-- CreateIndex
CREATE UNIQUE INDEX "identity_login_state_key" ON "identity_login"("state");

-- CreateIndex
CREATE INDEX "identity_login_signer_id_idx" ON "identity_login"("signer_id");

-- AddForeignKey
ALTER TABLE "signer" ADD CONSTRAINT "signer_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "signature_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity_login" ADD CONSTRAINT "identity_login_signer_id_fkey" FOREIGN KEY ("signer_id") REFERENCES "signer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: links to shared tables, kept out of schema.prisma so these
-- models add no back-relation fields to Company, User and Contact.
ALTER TABLE "signature_request" ADD CONSTRAINT "signature_request_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "signature_request" ADD CONSTRAINT "signature_request_requester_id_fkey" FOREIGN KEY ("requester_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "signer" ADD CONSTRAINT "signer_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "identity_login" ADD CONSTRAINT "identity_login_hold_id_fkey" FOREIGN KEY ("hold_id") REFERENCES "credit_hold"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- A signed signer has a signature; a verified one has the claims that verified it.
ALTER TABLE "signer" ADD CONSTRAINT "signer_signed_has_signature" CHECK ("status" <> 'SIGNED' OR ("signed_at" IS NOT NULL AND "signature_kind" IS NOT NULL));
ALTER TABLE "signer" ADD CONSTRAINT "signer_verified_has_claims" CHECK ("verified_at" IS NULL OR ("verified_issuer" IS NOT NULL AND "verified_subject" IS NOT NULL));
CREATE INDEX "signer_contact_id_idx" ON "signer" ("contact_id");
