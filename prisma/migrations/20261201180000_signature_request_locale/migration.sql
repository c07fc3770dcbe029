-- AlterTable
ALTER TABLE "signature_request" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en';

-- Hand-written: only the languages the app has catalogues for (lib/i18n/locales.ts).
ALTER TABLE "signature_request" ADD CONSTRAINT "signature_request_locale_known" CHECK ("locale" IN ('en', 'fr', 'zh-CN'));
