-- CreateEnum
CREATE TYPE "LeadOrigin" AS ENUM ('MINED', 'VISIT');

-- AlterTable
ALTER TABLE "lead" ADD COLUMN     "first_visit_at" TIMESTAMP(3),
ADD COLUMN     "last_visit_at" TIMESTAMP(3),
ADD COLUMN     "network_organisation" TEXT,
ADD COLUMN     "organisation_key" TEXT,
ADD COLUMN     "origin" "LeadOrigin" NOT NULL DEFAULT 'MINED',
ADD COLUMN     "page_views" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "pages" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "revealed_at" TIMESTAMP(3),
ADD COLUMN     "rule_id" INTEGER,
ADD COLUMN     "website" TEXT,
ALTER COLUMN "directory_company_id" DROP NOT NULL,
ALTER COLUMN "country" DROP NOT NULL;

-- CreateTable
CREATE TABLE "visitor_site" (
    "id" SERIAL NOT NULL,
    "company_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "site_key" TEXT NOT NULL,
    "origins" TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "visitor_site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "page_view" (
    "id" BIGSERIAL NOT NULL,
    "site_id" INTEGER NOT NULL,
    "company_id" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "referrer" TEXT,
    "user_agent" TEXT,
    "address" TEXT,
    "network" TEXT,
    "asn" INTEGER,
    "organisation" TEXT,
    "network_kind" TEXT,
    "viewed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMP(3),

    CONSTRAINT "page_view_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "visitor_rule" (
    "id" SERIAL NOT NULL,
    "company_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "countries" TEXT[],
    "url_patterns" TEXT[],
    "min_page_views" INTEGER NOT NULL DEFAULT 1,
    "max_leads_per_day" INTEGER NOT NULL DEFAULT 10,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "stopped_at" TIMESTAMP(3),
    "last_run_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "visitor_rule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "visitor_site_site_key_key" ON "visitor_site"("site_key");

-- CreateIndex
CREATE INDEX "visitor_site_company_id_idx" ON "visitor_site"("company_id");

-- CreateIndex
CREATE INDEX "page_view_company_id_asn_viewed_at_idx" ON "page_view"("company_id", "asn", "viewed_at");

-- CreateIndex
CREATE INDEX "page_view_viewed_at_idx" ON "page_view"("viewed_at");

-- CreateIndex
CREATE INDEX "visitor_rule_company_id_idx" ON "visitor_rule"("company_id");

-- CreateIndex
CREATE UNIQUE INDEX "lead_company_id_organisation_key_key" ON "lead"("company_id", "organisation_key");

-- Hand-written below (not expressible in schema.prisma).

-- The processing job reads only what it has not processed yet.
CREATE INDEX "page_view_unprocessed_idx" ON "page_view"("id") WHERE "processed_at" IS NULL;

-- Removing a website removes the page views it recorded.
ALTER TABLE "page_view" ADD CONSTRAINT "page_view_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "visitor_site"("id") ON DELETE CASCADE;
CREATE INDEX "page_view_site_id_idx" ON "page_view"("site_id");

ALTER TABLE "visitor_rule" ADD CONSTRAINT "visitor_rule_min_page_views_check" CHECK ("min_page_views" >= 1);
ALTER TABLE "visitor_rule" ADD CONSTRAINT "visitor_rule_max_leads_per_day_check" CHECK ("max_leads_per_day" BETWEEN 1 AND 1000);
-- A processed view keeps no full address.
ALTER TABLE "page_view" ADD CONSTRAINT "page_view_address_until_processed_check" CHECK ("processed_at" IS NULL OR "address" IS NULL);
