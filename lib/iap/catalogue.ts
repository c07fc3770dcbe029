// The services this database can use. Loaded by `npm run db:seed` (idempotent:
// upserted by technical name), so adding a service is a data change here, not
// a code change in pages. Trial credits are in whole credits; they are stored in
// the service's units (credits × 10^decimals).
import { z } from "zod";

/**
 * Every service's technical name, by the name users know it under. The
 * technical names are Odoo's (`reveal` is Lead Generation, `invoice_ocr`
 * Documents Digitization), kept so that data and operators' scripts agree.
 */
export const SERVICES = {
  sms: "sms",
  documentsDigitization: "invoice_ocr",
  partnerAutocomplete: "partner_autocomplete",
  leadGeneration: "reveal",
  snailmail: "snailmail",
  signerIdentification: "itsme_proxy",
} as const;

export type ServiceName = (typeof SERVICES)[keyof typeof SERVICES];

/** Parses a technical name that came from outside (a URL, a form, a database row). */
export const serviceNameSchema = z.enum(SERVICES, { error: "iap.unknownService" });

export interface ServiceDefinition {
  technicalName: ServiceName;
  name: string;
  description: string;
  unitName: string;
  /** 0: whole credits only; n: balances and prices carry n decimal places. */
  decimals: number;
  trialCredits: number;
}

export const SERVICE_CATALOGUE: readonly ServiceDefinition[] = [
  {
    technicalName: SERVICES.sms,
    name: "SMS",
    description: "Send SMS text messages to contacts directly from the database.",
    unitName: "credits",
    decimals: 2,
    trialCredits: 10,
  },
  {
    technicalName: SERVICES.documentsDigitization,
    name: "Documents Digitization",
    description: "Digitize scanned or PDF vendor bills, expenses and resumes with OCR and AI.",
    unitName: "credits",
    decimals: 0,
    trialCredits: 10,
  },
  {
    technicalName: SERVICES.partnerAutocomplete,
    name: "Partner Autocomplete",
    description: "Automatically populate contact records with corporate data.",
    unitName: "credits",
    decimals: 0,
    trialCredits: 20,
  },
  {
    technicalName: SERVICES.leadGeneration,
    name: "Lead Generation",
    description: "Generate leads based on a set of criteria, and convert web visitors into quality leads and opportunities.",
    unitName: "credits",
    decimals: 0,
    trialCredits: 10,
  },
  {
    technicalName: SERVICES.snailmail,
    name: "Snailmail",
    description: "Send customer invoices and follow-up reports by post, worldwide.",
    unitName: "credits",
    decimals: 0,
    trialCredits: 5,
  },
  {
    technicalName: SERVICES.signerIdentification,
    name: "Signer identification with itsme®",
    description: "Ask document signatories in Sign to prove their identity with the itsme® identity platform (Belgium and the Netherlands).",
    unitName: "credits",
    decimals: 0,
    trialCredits: 5,
  },
];
