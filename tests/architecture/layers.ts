// Which code may import which: dependencies point one way, from delivery down
// to data (app → services → iap → db). Each file belongs to the layer of the
// longest path below that names it; a file may import its own layer's files
// and any layer below it, never one above. Tests (*.test.ts, tests/) may
// import anything and are only checked for circles.
export interface Layer {
  name: string;
  /** Folders (ending in "/") or single files, relative to the project root. */
  paths: string[];
  why: string;
}

export const LAYERS: Layer[] = [
  { name: "app", paths: ["app/", "i18n/", "proxy.ts", "instrumentation.ts"], why: "pages, server actions and routes: delivery only" },
  { name: "components", paths: ["components/"], why: "shared UI; pages use it, lib never does" },
  // Entry points like pages: the job runners and handlers run API and webhook
  // upkeep too, so they sit above delivery; nothing below starts a command or
  // runs a job (code below only queues one: see "job queue").
  { name: "commands and jobs", paths: ["lib/cli/", "lib/jobs/", "lib/seed/"], why: "npm scripts, background jobs and seeding run the services and the delivery layer's upkeep" },
  {
    name: "delivery",
    paths: ["lib/actions/", "lib/api/", "lib/webhooks/"],
    why: "the server-action wrapper and the public API: they turn requests into one lib call and codes into answers",
  },
  {
    name: "services",
    paths: [
      "lib/sms/",
      "lib/digitization/",
      "lib/enrichment/",
      "lib/visitors/",
      "lib/snailmail/",
      "lib/sign/",
      "lib/identity/",
      // Billing sells credits the way SMS spends them: it sits on lib/iap
      // (grant, balances) and the credits engine knows nothing of payments.
      "lib/billing/",
      "lib/alerts/",
      "lib/settings/",
    ],
    why: "the paid services and what runs around them, each charging through lib/iap",
  },
  {
    name: "events",
    paths: ["lib/events/"],
    why: "what services record for webhooks (balance.low, purchase.completed…), in the same transaction, already in the public API's shape; lib/webhooks delivers them",
  },
  { name: "records", paths: ["lib/contacts/"], why: "contacts, phone numbers and the chatter, which services write to" },
  { name: "credits", paths: ["lib/iap/"], why: "the one way credits move; it knows no service" },
  {
    name: "platform",
    paths: ["lib/mail/", "lib/auth/", "lib/http/", "lib/secrets/", "lib/pdf/"],
    why: "outbox, sign-in, HTTP helpers: used by every slice, aware of none (the outbox knows no alert)",
  },
  // The job list (names, payload schemas, retry policies) and the one insert
  // into graphile-worker's queue: knowing only zod, env and the pool, they sit
  // low so the outbox, the services and webhook delivery can queue their own
  // follow-up work (an e-mail's delivery, a batch's chunks) in their
  // transaction. What a job does lives in the runners above (lib/jobs/handlers.ts).
  {
    name: "job queue",
    paths: ["lib/jobs/list.ts", "lib/jobs/enqueue.ts", "lib/jobs/errors.ts"],
    why: "what jobs exist and how one is queued: every layer above may queue a job by name, none below runs one",
  },
  { name: "data", paths: ["lib/db/"], why: "Prisma client, pool, transactions, migrations: knows no domain" },
  {
    name: "vocabulary",
    paths: ["lib/env.ts", "lib/errors.ts", "lib/routes.ts", "lib/form-fields.ts", "lib/money.ts", "lib/iap/catalogue.ts", "lib/contacts/countries.ts", "lib/contacts/data/country-codes.json", "lib/i18n/", "messages/"],
    why: "configuration, error codes, URL builders, form field schemas, money formatting, the services' names, the country codes and the languages with their catalogues (a company's country at set-up, a contact's): plain modules every layer shares",
  },
];

/**
 * Imports that break the rule today, each with the change that removes it.
 * The check fails when one of these is no longer needed, so the list only
 * shrinks.
 */
export const KNOWN_EXCEPTIONS: { from: string; to: string; until: string }[] = [
];

/** Files the layer rules apply to: the application's own code, not its tests or tool configuration. */
export function isProductionFile(file: string): boolean {
  if (file.startsWith("tests/") || /\.test\.tsx?$/.test(file)) return false;
  return /^(app|components|lib)\//.test(file) || layerOf(file) !== undefined;
}

/** The layer a file belongs to (longest matching path), or undefined when none names it. */
export function layerOf(file: string): { index: number; layer: Layer; slice: string } | undefined {
  let best: { index: number; layer: Layer; slice: string; length: number } | undefined;
  LAYERS.forEach((layer, index) => {
    for (const prefix of layer.paths) {
      const matches = prefix.endsWith("/") ? file.startsWith(prefix) : file === prefix;
      if (matches && (!best || prefix.length > best.length)) best = { index, layer, slice: prefix, length: prefix.length };
    }
  });
  return best && { index: best.index, layer: best.layer, slice: best.slice };
}
