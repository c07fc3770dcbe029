-- AlterTable
ALTER TABLE "company" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "locale" TEXT,
ADD COLUMN     "time_zone" TEXT;

-- AlterTable
ALTER TABLE "iap_account" ADD COLUMN     "warning_locale" TEXT;

-- Hand-written: only the languages the app has catalogues for (lib/i18n/locales.ts).
ALTER TABLE "company" ADD CONSTRAINT "company_locale_known" CHECK ("locale" IN ('en', 'fr', 'zh-CN'));
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_locale_known" CHECK ("locale" IS NULL OR "locale" IN ('en', 'fr', 'zh-CN'));
ALTER TABLE "iap_account" ADD CONSTRAINT "iap_account_warning_locale_known" CHECK ("warning_locale" IS NULL OR "warning_locale" IN ('en', 'fr', 'zh-CN'));
