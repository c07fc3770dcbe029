// The one place that reads process.env. Every optional integration selects its
// embedded default when absent (see README "Configuration"). Parsed once, on
// first use, so a bad value fails with a message that names the variable.
import addressparser from "nodemailer/lib/addressparser";
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const optionalUrl = (protocols: RegExp, hint: string) =>
  optionalString.refine((value) => value === undefined || (URL.canParse(value) && protocols.test(new URL(value).protocol)), {
    message: hint,
  });

// An on/off switch: 1/true/on/yes or 0/false/off/no (any case); unset or empty is the default.
const flag = (fallback: boolean) =>
  optionalString.transform((value, ctx) => {
    if (value === undefined) return fallback;
    if (/^(1|true|on|yes)$/i.test(value)) return true;
    if (/^(0|false|off|no)$/i.test(value)) return false;
    ctx.addIssue({ code: "custom", message: "must be 1 (on) or 0 (off)" });
    return z.NEVER;
  });

const serverSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /**
   * Demo behaviour: demo company and users, the demo checkout, the built-in
   * test identity provider, a "Demo" marker in the app bar. Off unless set;
   * `npm run dev` sets it when unset (lib/cli/serve.ts), `npm start` does not.
   */
  DEMO: flag(false),
  /** Who may create a company: "first" (only the first one, from the set-up page) or "open" (anyone, from the sign-in page). */
  SIGNUP: z.enum(["first", "open"], { message: 'use "open" (anyone may create a company) or "first" (only the first company)' }).default("first"),
  DATABASE_URL: optionalUrl(/^postgres(ql)?:$/, "must be a postgresql:// URL"),
  /** Connections per process in the pool shared by Prisma and the credits engine. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Reverse proxies in front of the app whose X-Forwarded-For entry is believed (lib/http/client-address.ts); 0: the socket's address. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  APP_URL: optionalUrl(/^https?:$/, "must be an http(s):// URL such as https://erp.example.com"),
  NEXTAUTH_SECRET: optionalString,
  NEXTAUTH_URL: optionalUrl(/^https?:$/, "must be an http(s):// URL"),
  STRIPE_SECRET_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  STRIPE_API_URL: optionalUrl(/^https?:$/, "must be an http(s):// URL such as http://localhost:12111"),
  /** 1: Stripe Tax computes VAT on Checkout (Stripe Tax must be set up in the Stripe account). */
  STRIPE_AUTOMATIC_TAX: flag(false),
  /** The seller printed on the invoices the app renders itself (demo checkout, off-session top-ups). */
  INVOICE_SELLER_NAME: z.string().trim().min(1).default("IAP Credits Demo Seller SRL"),
  /** Address lines, separated by "|" or new lines. */
  INVOICE_SELLER_ADDRESS: z.string().trim().default("Avenue Louise 54|1050 Brussels"),
  INVOICE_SELLER_COUNTRY: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "must be an ISO 3166 country code such as BE")
    .default("BE"),
  INVOICE_SELLER_VAT: optionalString,
  /** VAT rate charged on packs, in percent with up to two decimals ("21", "5.5"); 0 for none. */
  VAT_RATE: z
    .string()
    .trim()
    .regex(/^\d{1,2}(\.\d{1,2})?$/, 'must be a percentage such as "21" or "5.5"')
    .default("21")
    .transform((value) => {
      const [whole, fraction = ""] = value.split(".");
      return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
    }),
  /** 1 (default): pack prices include VAT; 0: VAT is added on top. */
  PRICES_INCLUDE_VAT: z
    .enum(["0", "1", "true", "false"], { message: 'use "1" or "0"' })
    .default("1")
    .transform((value) => value === "1" || value === "true"),
  SMTP_URL: optionalUrl(/^smtps?:$/, "must be an smtp:// or smtps:// URL such as smtp://user:pass@mail.example.com:587").refine(
    (value) => value === undefined || !URL.canParse(value) || new URL(value).hostname !== "",
    { message: "names no server: use smtp://user:pass@mail.example.com:587" },
  ),
  MAIL_FROM: optionalString.refine((value) => value === undefined || isOneMailbox(value), {
    message: 'must be one sender address such as "IAP Credits <no-reply@example.com>"',
  }),
  TWILIO_ACCOUNT_SID: optionalString,
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_FROM: optionalString,
  TWILIO_API_URL: optionalUrl(/^https?:$/, "must be an http(s):// URL"),
  /** Test gateway only: milliseconds between its simulated delivery reports ("sent", then delivered/failed); 0 = none. */
  SMS_TEST_REPORT_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(1500),
  CRON_SECRET: optionalString,
  /** Snailmail's postal provider: "test" (the test post office, nothing is posted) or "pingen". */
  SNAILMAIL_PROVIDER: z.enum(["test", "pingen"]).default("test"),
  PINGEN_CLIENT_ID: optionalString,
  PINGEN_CLIENT_SECRET: optionalString,
  PINGEN_ORGANISATION_ID: optionalString,
  PINGEN_API_URL: optionalUrl(/^https?:$/, "must be an http(s):// URL such as https://api.pingen.com"),
  PINGEN_DELIVERY_PRODUCT: z.string().trim().default("cheap"),
  /** Signer identification (OpenID Connect, e.g. itsme): all three, or none for the built-in test identity provider. */
  IDENTITY_ISSUER_URL: optionalUrl(/^https?:$/, "must be the provider's issuer URL such as https://idp.prd.itsme.services/v2"),
  IDENTITY_CLIENT_ID: optionalString,
  IDENTITY_CLIENT_SECRET: optionalString,
  /** Shown to signers and on the audit page; default: the issuer's host name. */
  IDENTITY_PROVIDER_NAME: optionalString,
  /** EU VIES REST base (…/taxation_customs/vies/rest-api): VAT numbers typed in Partner Autocomplete are checked there. */
  VIES_URL: optionalUrl(/^https?:$/, "must be an http(s):// URL such as https://ec.europa.eu/taxation_customs/vies/rest-api"),
  /** Which company data provider Partner Autocomplete and Lead Generation use (lib/enrichment/providers). */
  ENRICHMENT_PROVIDER: z.enum(["embedded"]).default("embedded"),
  VIES_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(3000),
  /**
   * Background jobs each app instance works at once (lib/jobs); 0 runs none in
   * this process (serverless: /api/cron/run drives them), web pages still queue them.
   */
  JOBS_CONCURRENCY: z.coerce.number().int().min(0).max(100).default(4),
  /** Minutes between the low-credit sweeps, the safety net behind the checks each crossing debit starts. */
  LOW_CREDITS_SWEEP_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(1440)
    .refine((m) => m < 60 || m % 60 === 0, { message: "must be 1–59, or a whole number of hours in minutes (60, 120, … 1440)" })
    .default(10),
  /** Most SMS per second handed to the gateway by a mass SMS; 0 = as fast as it accepts (a 429 slows the batch down). */
  SMS_RATE_PER_SECOND: z.coerce.number().min(0).max(10_000).default(0),
  /** Gateway requests a mass SMS keeps in flight at once. */
  SMS_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(32),
  /** Where the embedded PostgreSQL and generated secrets live when nothing is configured. */
  DATA_DIR: z.string().default(".data"),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** OCR languages, from the installed @tesseract.js-data packages ("eng", "eng,fra,deu"). More languages, slower pages. */
  OCR_LANGUAGES: z
    .string()
    .default("eng")
    .transform((value) => value.split(/[\s,+]+/).filter(Boolean))
    .pipe(z.array(z.enum(["eng", "fra", "deu"], { message: 'use "eng", "fra" or "deu", separated by commas' })).min(1)),
  /** OCR threads (tesseract workers, ~150 MB each); unset: one per core, at most 4. */
  OCR_WORKERS: z.coerce.number().int().min(1).max(16).optional(),
  /** Requests per minute each API key may make (lib/api/rate-limit.ts). */
  API_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  /** Seconds to wait before each retry of a failed webhook delivery; after the last one it is marked failed. */
  WEBHOOK_RETRY_SCHEDULE: z
    .string()
    .default("10,60,300,1800,7200,21600,43200,86400")
    .transform((value) => value.split(/[\s,]+/).filter(Boolean).map(Number))
    .pipe(z.array(z.number().int().min(0).max(604_800), { message: "use seconds separated by commas, such as 10,60,300" }).min(1).max(20)),
  /** Let webhook endpoints be loopback or private-network addresses (tests, a receiver on the same host). Off: refused. */
  WEBHOOK_ALLOW_PRIVATE_URLS: z
    .enum(["0", "1", "true", "false"])
    .default("0")
    .transform((value) => value === "1" || value === "true"),
});

function isOneMailbox(value: string): boolean {
  const parsed = addressparser(value, { flatten: true });
  return parsed.length === 1 && /^[^@\s]+@[^@\s]+$/.test(parsed[0].address ?? "");
}

export function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]" || hostname === "::1";
}

export type ServerEnv = z.infer<typeof serverSchema> & { APP_URL: string };

let cached: ServerEnv | undefined;

export class ConfigError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): ServerEnv {
  const result = serverSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}\nFix these environment variables (README, "Configuration").`);
  }
  const env = result.data;
  if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
    throw new ConfigError("Invalid configuration:\n  STRIPE_WEBHOOK_SECRET: required when STRIPE_SECRET_KEY is set (webhooks must be verified)");
  }
  const twilio = [env.TWILIO_ACCOUNT_SID, env.TWILIO_AUTH_TOKEN, env.TWILIO_FROM];
  if (twilio.some(Boolean) && !twilio.every(Boolean)) {
    throw new ConfigError("Invalid configuration:\n  TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM: set all three to use Twilio, or none for the test gateway");
  }
  const pingen = [env.PINGEN_CLIENT_ID, env.PINGEN_CLIENT_SECRET, env.PINGEN_ORGANISATION_ID];
  if (env.SNAILMAIL_PROVIDER === "pingen" && !pingen.every(Boolean)) {
    throw new ConfigError("Invalid configuration:\n  PINGEN_CLIENT_ID, PINGEN_CLIENT_SECRET, PINGEN_ORGANISATION_ID: all three are required when SNAILMAIL_PROVIDER=pingen");
  }
  const identity = [env.IDENTITY_ISSUER_URL, env.IDENTITY_CLIENT_ID, env.IDENTITY_CLIENT_SECRET];
  if (identity.some(Boolean) && !identity.every(Boolean)) {
    throw new ConfigError(
      "Invalid configuration:\n  IDENTITY_ISSUER_URL, IDENTITY_CLIENT_ID, IDENTITY_CLIENT_SECRET: set all three to use an identity provider, or none for the built-in test identity provider",
    );
  }
  if (env.IDENTITY_ISSUER_URL && new URL(env.IDENTITY_ISSUER_URL).protocol === "http:" && !isLoopback(new URL(env.IDENTITY_ISSUER_URL).hostname)) {
    throw new ConfigError("Invalid configuration:\n  IDENTITY_ISSUER_URL: must be https:// (plain http is accepted for localhost only)");
  }
  return { ...env, APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "") };
}

export function env(): ServerEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Re-read process.env: after the launcher sets DATABASE_URL, and between test cases. */
export function reloadEnv() {
  cached = undefined;
}

/**
 * Sessions must survive restarts and be shared by every instance, so outside
 * demo mode the app refuses to start without NEXTAUTH_SECRET; the secret the
 * launcher generates into DATA_DIR is a convenience for trying the app only.
 */
export function missingSessionSecret(config: ServerEnv): string | null {
  if (config.NEXTAUTH_SECRET || config.DEMO) return null;
  return [
    "NEXTAUTH_SECRET is not set.",
    "  It signs session cookies and protects secret links; every instance of the app must share it.",
    "  Set it to a long random value, e.g. NEXTAUTH_SECRET=$(openssl rand -base64 32)",
    "  (or set DEMO=1 to try the app with a secret generated into DATA_DIR).",
  ].join("\n");
}

export function requireDatabaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) {
    throw new ConfigError(
      "DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which start the embedded PostgreSQL and set it, or set DATABASE_URL to your server.",
    );
  }
  return url;
}
