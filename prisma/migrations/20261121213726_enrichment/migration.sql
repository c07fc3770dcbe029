-- CreateEnum
CREATE TYPE "LeadRequestState" AS ENUM ('DRAFT', 'DONE', 'ERROR');

-- CreateEnum
CREATE TYPE "LeadStatus" AS ENUM ('NEW', 'CONVERTED');

-- CreateTable
CREATE TABLE "company_directory" (
    "id" SERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "source_ref" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "alt_name" TEXT,
    "search_name" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "region" TEXT,
    "postal_code" TEXT,
    "city" TEXT,
    "street" TEXT,
    "registration_number" TEXT,
    "registration_key" TEXT,
    "lei" TEXT,
    "industry" TEXT,
    "industry_detail" TEXT,
    "industry_source" TEXT,
    "vat" TEXT,
    "website" TEXT,

    CONSTRAINT "company_directory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "partner_enrichment" (
    "id" SERIAL NOT NULL,
    "company_id" INTEGER NOT NULL,
    "charge_key" TEXT NOT NULL,
    "form_key" TEXT,
    "contact_id" INTEGER,
    "directory_company_id" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "applied_at" TIMESTAMP(3),

    CONSTRAINT "partner_enrichment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lead_request" (
    "id" SERIAL NOT NULL,
    "company_id" INTEGER NOT NULL,
    "client_key" TEXT NOT NULL,
    "requested" INTEGER NOT NULL,
    "countries" TEXT[],
    "industries" TEXT[],
    "state" "LeadRequestState" NOT NULL DEFAULT 'DRAFT',
    "found" INTEGER NOT NULL DEFAULT 0,
    "credits_used" BIGINT NOT NULL DEFAULT 0,
    "outcome" TEXT,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "done_at" TIMESTAMP(3),

    CONSTRAINT "lead_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lead" (
    "id" SERIAL NOT NULL,
    "company_id" INTEGER NOT NULL,
    "request_id" INTEGER,
    "directory_company_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "region" TEXT,
    "postal_code" TEXT,
    "city" TEXT,
    "registration_number" TEXT,
    "industry" TEXT,
    "source" TEXT NOT NULL,
    "status" "LeadStatus" NOT NULL DEFAULT 'NEW',
    "contact_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lead_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "company_directory_registration_key_idx" ON "company_directory"("registration_key");

-- CreateIndex
CREATE INDEX "company_directory_country_industry_idx" ON "company_directory"("country", "industry");

-- CreateIndex
CREATE UNIQUE INDEX "company_directory_source_source_ref_key" ON "company_directory"("source", "source_ref");

-- CreateIndex
CREATE INDEX "partner_enrichment_company_id_form_key_idx" ON "partner_enrichment"("company_id", "form_key");

-- CreateIndex
CREATE UNIQUE INDEX "partner_enrichment_company_id_charge_key_key" ON "partner_enrichment"("company_id", "charge_key");

-- CreateIndex
CREATE INDEX "lead_request_company_id_created_at_idx" ON "lead_request"("company_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "lead_request_company_id_client_key_key" ON "lead_request"("company_id", "client_key");

-- CreateIndex
CREATE INDEX "lead_company_id_created_at_idx" ON "lead"("company_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "lead_company_id_directory_company_id_key" ON "lead"("company_id", "directory_company_id");

-- Hand-written: fuzzy and prefix name search for Partner Autocomplete
-- (lib/enrichment/providers/embedded.ts). pg_trgm ships with PostgreSQL's
-- contrib (the embedded server has it). The GIN trigram index serves both
-- `search_name LIKE '%…%'` and the `%` similarity operator; the text_pattern_ops
-- btree serves anchored prefixes (`LIKE 'lino eng%'`).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "company_directory_search_name_trgm_idx" ON "company_directory" USING gin ("search_name" gin_trgm_ops);
CREATE INDEX "company_directory_search_name_prefix_idx" ON "company_directory" ("search_name" text_pattern_ops);
-- Typed digits find a registration number by its beginning.
CREATE INDEX "company_directory_registration_key_prefix_idx" ON "company_directory" ("registration_key" text_pattern_ops);

ALTER TABLE "partner_enrichment" ADD FOREIGN KEY ("company_id") REFERENCES "company"("id");
ALTER TABLE "partner_enrichment" ADD FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE SET NULL;
ALTER TABLE "partner_enrichment" ADD FOREIGN KEY ("directory_company_id") REFERENCES "company_directory"("id");
ALTER TABLE "lead_request" ADD FOREIGN KEY ("company_id") REFERENCES "company"("id");
ALTER TABLE "lead_request" ADD CONSTRAINT "lead_request_requested_check" CHECK ("requested" BETWEEN 1 AND 200);
ALTER TABLE "lead" ADD FOREIGN KEY ("company_id") REFERENCES "company"("id");
ALTER TABLE "lead" ADD FOREIGN KEY ("request_id") REFERENCES "lead_request"("id");
ALTER TABLE "lead" ADD FOREIGN KEY ("directory_company_id") REFERENCES "company_directory"("id");
ALTER TABLE "lead" ADD FOREIGN KEY ("contact_id") REFERENCES "contact"("id") ON DELETE SET NULL;
