// Fuzzing (fast-check) every server action, JSON route and page parameter
// over real HTTP, on an app server and database of its own:
//   - actions get bad input: arguments of the wrong type or shape, and valid
//     input with one field made bad (a huge or NUL-carrying text, an id that
//     does not exist or belongs to the other company, a negative or huge
//     amount, an unknown choice);
//   - JSON routes and pages get garbage in their path, query, headers and body.
// Whatever comes in: never a 5xx, an action answers ok:false with a specific
// message, and the database is exactly as it was. FUZZ_RUNS sets
// the runs per property (default 6, to keep `npm test` short; raise it to dig deeper); a failure prints fast-check's seed to replay it.
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { MAX_ID } from "@/lib/http/params";
import type { ActionFailure, ActionState } from "@/lib/actions/state";
import { callAction, type ActionAnswer } from "../support/http-client";
import { DEMO_PASSWORD, EMPTY_STATE, form, type World, buildWorld } from "../support/security-world";
import { changedTables, databaseFingerprint } from "../support/test-database";

const RUNS = Number(process.env.FUZZ_RUNS ?? 6);

test.describe.configure({ mode: "serial", timeout: 600_000 });

let world: World;
/** Company B's own records: the "other company's ids" of the fuzz. */
let b: { contactId: number; letterId: number; documentId: number; purchaseId: number; accountId: number; siteId: number; ruleId: number; endpointId: number; keyId: number; userId: number };

test.beforeAll(async () => {
  // A database, an app server and the records made through it: a while on a busy machine.
  test.setTimeout(240_000);
  world = await buildWorld("fuzz");
  const adminB = world.sessions.adminB;
  const created = await callAction(adminB, "/contacts/new", world.action("createContactAction").id, [
    EMPTY_STATE,
    form({ name: "B's contact", email: "", phone: "+33 6 12 34 56 78", mobile: "", country: "FR", street: "2 rue de Rivoli", city: "Paris", zip: "75001" }),
  ]);
  const contactId = Number(created.redirect!.match(/\/contacts\/(\d+)/)![1]);
  const letter = await callAction(adminB, `/contacts/${contactId}/post`, world.action("sendLetterAction").id, [
    EMPTY_STATE,
    form({ contactId: String(contactId), mode: "letter", subject: "B's letter", body: "Bonjour" }),
  ]);
  const bought = await callAction(adminB, "/iap/buy/sms", world.action("buyPackAction").id, [EMPTY_STATE, form({ service: "sms", packId: String(world.a.packId) })]);
  await callAction(adminB, "/documents", world.action("uploadDocumentsAction").id, [
    EMPTY_STATE,
    form({ kind: "VENDOR_BILL", files: new File([PDF], "b.pdf", { type: "application/pdf" }) }),
  ]);
  await callAction(adminB, "/settings/lead-generation", world.action("registerSiteAction").id, [EMPTY_STATE, form({ name: "B's site", origins: "https://b.example" })]);
  await callAction(adminB, "/settings/lead-generation", world.action("createRuleAction").id, [
    EMPTY_STATE,
    form({ name: "B's rule", countries: "FR", urlPatterns: "", minPageViews: "1", maxLeadsPerDay: "5", active: "on" }),
  ]);
  await callAction(adminB, "/settings/webhooks", world.action("createEndpointAction").id, [
    EMPTY_STATE,
    form({ url: "http://127.0.0.1:9/b", description: "B's endpoint", events: ["balance.low"] }),
  ]);
  const one = async (sql: string) => Number((await world.db.pool.query(sql, [world.b.companyId])).rows[0].id);
  b = {
    contactId,
    letterId: (letter.result as { data: { letterId: number } }).data.letterId,
    purchaseId: Number(bought.redirect!.match(/\/iap\/checkout\/demo\/(\d+)/)![1]),
    documentId: await one("SELECT id FROM document WHERE company_id = $1 ORDER BY id DESC LIMIT 1"),
    accountId: await one("SELECT id FROM iap_account WHERE company_id = $1 ORDER BY id LIMIT 1"),
    siteId: await one("SELECT id FROM visitor_site WHERE company_id = $1"),
    ruleId: await one("SELECT id FROM visitor_rule WHERE company_id = $1"),
    endpointId: await one("SELECT id FROM webhook_endpoint WHERE company_id = $1"),
    keyId: await one("SELECT id FROM api_key WHERE company_id = $1"),
    userId: await one("SELECT id FROM app_user WHERE company_id = $1"),
  };
});
test.afterAll(async () => {
  await world?.stop();
});

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF");

// ── Bad values ───────────────────────────────────────────────────────────────

const hugeText = (over: number) => fc.integer({ min: over + 1, max: over + 5000 }).map((length) => "x".repeat(length));
const withNul = fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 })).map(([a, z]) => `${a}\u0000${z}`);
const unknownIds = fc.constantFrom("0", "-1", "99999999999", "1e30", "1.5", "abc", "", String(MAX_ID), "9".repeat(400), " 1", "0x1f");
const otherCompanyId = (pick: (ids: typeof b) => number) => fc.constant(null).map(() => String(pick(b)));
const badAmounts = fc.constantFrom("-1", "-0.01", "99999999999999999999", "1e400", "NaN", "12.345.678,9.1", "∞", "0x10");
/** Amounts of a bill under review, where a credit note's are negative: only what no bill can hold. */
const badBillAmounts = fc.constantFrom("99999999999999999999", "-99999999999999999999", "1e400", "NaN", "12.345.678,9.1", "∞", "0x10");

type Kind = "text" | "id" | "enum" | "amount" | "billAmount" | "count" | "key";
interface Field {
  kind: Kind;
  /** The schema's length limit, for texts. */
  max?: number;
  /** The other company's record of the same kind, for ids. */
  other?: (ids: typeof b) => number;
  /** An id the form may leave empty ("" is then a valid value, not a bad one). */
  optional?: boolean;
}

function badValue(field: Field): fc.Arbitrary<string> {
  switch (field.kind) {
    case "text":
      return fc.oneof(hugeText(field.max ?? 10_000), withNul);
    case "key":
      return fc.oneof(fc.string({ maxLength: 7 }), hugeText(100), withNul);
    case "id": {
      const ids = field.optional ? unknownIds.filter((value) => value !== "") : unknownIds;
      return field.other ? fc.oneof(ids, otherCompanyId(field.other)) : ids;
    }
    case "amount":
      return badAmounts;
    case "billAmount":
      return badBillAmounts;
    case "count":
      return fc.constantFrom("0", "-1", "1001", "99999999999", "abc", "1.5", "", "1e400", "NaN");
    case "enum":
      // "~" is in no code or choice, so the value cannot happen to be a valid one ("" may be: optional fields).
      return fc.oneof(fc.string({ maxLength: 30 }).map((value) => `~${value}`), withNul, hugeText(100));
  }
}

interface FuzzCase {
  page: (w: World) => string;
  /** Valid input, every value a string (form fields) — one is made bad per run. */
  valid: (w: World) => Record<string, string>;
  fields: Record<string, Field>;
  /** The action's arguments from the values; by default a form's (the previous state, then the fields as a form). */
  args?: (w: World, values: Record<string, string>) => unknown[];
}

/** A form value as an action's JSON argument: a clean number stays a number, anything else is passed as typed (a wrong type). */
const asNumber = (value: string): number | string => (/^\d{1,15}$/.test(value) ? Number(value) : value);
const formArgs = (_w: World, values: Record<string, string>) => [EMPTY_STATE, form(values)];
const rand = () => `k${Math.random().toString(36).slice(2)}${Date.now()}`;
const contactFields = { name: { kind: "text", max: 200 }, email: { kind: "text", max: 254 }, phone: { kind: "text", max: 40 }, mobile: { kind: "text", max: 40 }, country: { kind: "enum" }, street: { kind: "text", max: 200 }, city: { kind: "text", max: 100 }, zip: { kind: "text", max: 20 } } satisfies Record<string, Field>;
const contactValues = { name: "Fuzzed", email: "fuzz@test.example", phone: "+32 470 00 00 00", mobile: "", country: "BE", street: "Meir 1", city: "Antwerpen", zip: "2000" };

/** The invitation and reset links' "choose a password" (a token issued to nobody: any one field made bad is refused all the same). */
const choosePasswordFuzz: FuzzCase = {
  page: () => "/forgot-password",
  valid: () => ({ token: "fuzzNoSuchTokenfuzzNoSuchTokenfuzzNoSuchTok", password: "fuzz-password", confirmPassword: "fuzz-password" }),
  fields: { token: { kind: "key" }, password: { kind: "text", max: 72 }, confirmPassword: { kind: "text", max: 72 } },
};

/**
 * An action on one of A's records: its id (made bad, or — `other` — B's record
 * of the same kind), and `more` fields of its own, each a valid value and its kind.
 */
const oneRecord = (
  page: string | ((w: World) => string),
  field: string,
  own: (w: World) => number | string,
  other?: (ids: typeof b) => number,
  more: Record<string, [string, Field]> = {},
): FuzzCase => ({
  page: typeof page === "string" ? () => page : page,
  valid: (w) => ({ [field]: String(own(w)), ...Object.fromEntries(Object.entries(more).map(([name, [value]]) => [name, value])) }),
  fields: { [field]: { kind: "id", ...(other ? { other } : {}) }, ...Object.fromEntries(Object.entries(more).map(([name, [, kind]]) => [name, kind])) },
});

const FUZZ: Record<string, FuzzCase> = {
  updateContactAction: {
    page: (w) => `/contacts/${w.a.contactId}`,
    valid: (w) => ({ id: String(w.a.contactId), ...contactValues }),
    fields: { id: { kind: "id", other: (ids) => ids.contactId }, ...contactFields },
  },
  postNoteAction: {
    page: (w) => `/contacts/${w.a.contactId}`,
    valid: (w) => ({ contactId: String(w.a.contactId), body: "A note" }),
    fields: { contactId: { kind: "id", other: (ids) => ids.contactId }, body: { kind: "text", max: 10_000 } },
  },
  sendSmsAction: {
    page: (w) => `/contacts/${w.a.contactId}`,
    valid: (w) => ({ contactId: String(w.a.contactId), number: "+32470123456", body: "Fuzz", clientId: rand() }),
    fields: { contactId: { kind: "id", other: (ids) => ids.contactId }, number: { kind: "text", max: 40 }, body: { kind: "text", max: 5000 }, clientId: { kind: "key" } },
  },
  quoteLetterAction: {
    page: (w) => `/contacts/${w.a.contactId}/post`,
    valid: (w) => ({ contactId: String(w.a.contactId), mode: "letter", subject: "Quote", body: "Text" }),
    fields: { contactId: { kind: "id", other: (ids) => ids.contactId }, mode: { kind: "enum" }, subject: { kind: "text", max: 200 }, body: { kind: "text", max: 20_000 }, color: { kind: "enum" }, sides: { kind: "enum" } },
    args: (_w, values) => [form(values)],
  },
  sendLetterAction: {
    page: (w) => `/contacts/${w.a.contactId}/post`,
    valid: (w) => ({ contactId: String(w.a.contactId), mode: "letter", subject: "Letter", body: "Text", color: "bw", sides: "simplex" }),
    fields: { contactId: { kind: "id", other: (ids) => ids.contactId }, mode: { kind: "enum" }, subject: { kind: "text", max: 200 }, body: { kind: "text", max: 20_000 }, color: { kind: "enum" }, sides: { kind: "enum" } },
  },
  createContactAction: { page: () => "/contacts/new", valid: () => contactValues, fields: contactFields },
  previewMassSmsAction: {
    page: () => "/contacts",
    valid: (w) => ({ id: String(w.a.contactId) }),
    fields: { id: { kind: "id", other: (ids) => ids.contactId } },
    args: (_w, values) => [{ ids: [asNumber(values.id)] }],
  },
  startMassSmsAction: {
    page: () => "/contacts",
    valid: (w) => ({ id: String(w.a.contactId), body: "Mass fuzz", clientId: rand() }),
    fields: { id: { kind: "id", other: (ids) => ids.contactId }, body: { kind: "text", max: 5000 }, clientId: { kind: "key" } },
    args: (_w, values) => [{ selection: { ids: [asNumber(values.id)] }, body: values.body, clientId: values.clientId }],
  },
  massSmsProgressAction: { page: () => "/contacts", valid: () => ({ key: rand() }), fields: { key: { kind: "key" } }, args: (_w, values) => [values.key] },
  enrichContactAction: {
    page: (w) => `/contacts/${w.a.contactId}`,
    valid: (w) => ({ directoryCompanyId: "1", contactId: String(w.a.contactId), name: "", vat: "" }),
    fields: { directoryCompanyId: { kind: "id" }, contactId: { kind: "id", other: (ids) => ids.contactId }, name: { kind: "text", max: 200 }, vat: { kind: "text", max: 30 } },
    args: (_w, values) => [{ directoryCompanyId: asNumber(values.directoryCompanyId), contactId: asNumber(values.contactId), current: { name: values.name, country: "", zip: "", city: "", street: "" }, vat: values.vat }],
  },
  uploadDocumentsAction: {
    page: () => "/documents",
    valid: () => ({ kind: "VENDOR_BILL" }),
    fields: { kind: { kind: "enum" } },
    args: (_w, values) => [EMPTY_STATE, form({ ...values, files: new File([PDF], "f.pdf", { type: "application/pdf" }) })],
  },
  confirmDocumentAction: {
    page: (w) => `/documents/${w.a.documentId}`,
    valid: (w) => ({ documentId: String(w.a.documentId), vendorName: "Vendor", currency: "EUR", total: "10.00", subtotal: "", tax: "", invoiceNumber: "", iban: "", vendorVat: "" }),
    fields: {
      documentId: { kind: "id", other: (ids) => ids.documentId },
      vendorName: { kind: "text", max: 200 },
      currency: { kind: "enum" },
      total: { kind: "billAmount" },
      subtotal: { kind: "billAmount" },
      tax: { kind: "billAmount" },
      invoiceNumber: { kind: "text", max: 60 },
      iban: { kind: "enum" },
      vendorVat: { kind: "enum" },
    },
  },
  buyPackAction: {
    page: () => "/iap/buy/sms",
    valid: (w) => ({ service: "sms", packId: String(w.a.packId) }),
    fields: { service: { kind: "enum" }, packId: { kind: "id" } },
  },
  payDemoPurchaseAction: oneRecord((w) => `/iap/checkout/demo/${w.a.pendingPurchaseId}`, "purchaseId", (w) => w.a.pendingPurchaseId, (ids) => ids.purchaseId),
  cancelDemoPurchaseAction: oneRecord((w) => `/iap/checkout/demo/${w.a.secondPendingPurchaseId}`, "purchaseId", (w) => w.a.secondPendingPurchaseId, (ids) => ids.purchaseId),
  convertLeadAction: oneRecord("/leads", "leadId", (w) => w.a.leadId),
  generateLeadsAction: {
    page: () => "/leads/generate",
    valid: () => ({ count: "1", countries: "US", industries: "Financials", clientKey: rand() }),
    fields: { count: { kind: "amount" }, countries: { kind: "enum" }, industries: { kind: "text", max: 100 }, clientKey: { kind: "key" } },
  },
  resendLetterAction: oneRecord("/letters", "letterId", (w) => w.a.letterId, (ids) => ids.letterId),
  cancelLetterAction: oneRecord("/letters", "letterId", (w) => w.a.letterId, (ids) => ids.letterId),
  saveWarningSettingsAction: {
    page: (w) => `/settings/iap/${w.a.accountId}`,
    valid: (w) => ({ accountId: String(w.a.accountId), warnEnabled: "on", threshold: "5", email: "alerts@test.example" }),
    fields: { accountId: { kind: "id", other: (ids) => ids.accountId }, threshold: { kind: "amount" }, email: { kind: "text", max: 254 } },
  },
  registerSiteAction: {
    page: () => "/settings/lead-generation",
    valid: () => ({ name: "Fuzz site", origins: "https://fuzz.example" }),
    fields: { name: { kind: "text", max: 100 }, origins: { kind: "enum" } },
  },
  createRuleAction: {
    page: () => "/settings/lead-generation",
    valid: () => ({ name: "Fuzz rule", countries: "BE", urlPatterns: "/pricing", minPageViews: "1", maxLeadsPerDay: "5", active: "on" }),
    fields: { name: { kind: "text", max: 100 }, countries: { kind: "enum" }, urlPatterns: { kind: "enum" }, minPageViews: { kind: "count" }, maxLeadsPerDay: { kind: "count" } },
  },
  setRuleActiveAction: oneRecord("/settings/lead-generation", "ruleId", (w) => w.a.ruleId, (ids) => ids.ruleId, { active: ["false", { kind: "enum" }] }),
  removeRuleAction: oneRecord("/settings/lead-generation", "ruleId", (w) => w.a.ruleId, (ids) => ids.ruleId),
  removeSiteAction: oneRecord("/settings/lead-generation", "siteId", (w) => w.a.siteId, (ids) => ids.siteId),
  createApiKeyAction: { page: () => "/settings/api-keys", valid: () => ({ name: "Fuzz key", scopes: "read" }), fields: { name: { kind: "text", max: 100 }, scopes: { kind: "enum" } } },
  revokeApiKeyAction: oneRecord("/settings/api-keys", "id", (w) => w.a.spareKeyId, (ids) => ids.keyId),
  createEndpointAction: {
    page: () => "/settings/webhooks",
    valid: () => ({ url: "http://127.0.0.1:9/fuzz", description: "Fuzz endpoint", events: "balance.low" }),
    fields: { url: { kind: "text", max: 2000 }, description: { kind: "text", max: 200 }, events: { kind: "enum" } },
  },
  setEndpointEnabledAction: oneRecord((w) => `/settings/webhooks/${w.a.endpointId}`, "id", (w) => w.a.endpointId, (ids) => ids.endpointId, { enabled: ["false", { kind: "enum" }] }),
  deleteEndpointAction: oneRecord((w) => `/settings/webhooks/${w.a.endpointId}`, "id", (w) => w.a.endpointId, (ids) => ids.endpointId),
  resendDeliveryAction: oneRecord((w) => `/settings/webhooks/${w.a.endpointId}`, "deliveryId", (w) => w.a.deliveryId),
  retryEmailAction: oneRecord((w) => `/settings/outbox/${w.a.emailId}`, "id", (w) => w.a.emailId),
  sendSignatureRequestAction: {
    page: () => "/sign/new",
    valid: () => ({ title: "Fuzz request", name: "Pat Signer", email: "pat@test.example", contactId: "", locale: "fr" }),
    fields: { title: { kind: "text", max: 200 }, locale: { kind: "enum", optional: true }, name: { kind: "text", max: 200 }, email: { kind: "text", max: 320 }, contactId: { kind: "id", other: (ids) => ids.contactId, optional: true } },
    args: (_w, values) => [
      EMPTY_STATE,
      form({
        title: values.title,
        ...(values.locale === undefined ? {} : { locale: values.locale }),
        signers: JSON.stringify([values.contactId ? { contactId: asNumber(values.contactId) } : { name: values.name, email: values.email, requireVerification: false }]),
        document: new File([PDF], "doc.pdf", { type: "application/pdf" }),
      }),
    ],
  },
  // Settings → Users (another company's user: B's administrator), the profile, and the pages used before signing in.
  inviteUserAction: {
    page: () => "/settings/users",
    valid: () => ({ email: "fuzz-invitee@test.example", name: "Fuzz Invitee", role: "USER" }),
    fields: { email: { kind: "text", max: 254 }, name: { kind: "text", max: 200 }, role: { kind: "enum" } },
  },
  resendInvitationAction: oneRecord("/settings/users", "userId", (w) => w.a.invitedUserId, (ids) => ids.userId),
  changeRoleAction: oneRecord("/settings/users", "userId", (w) => w.a.spareUserId, (ids) => ids.userId, { role: ["ADMIN", { kind: "enum" }] }),
  deactivateUserAction: oneRecord("/settings/users", "userId", (w) => w.a.spareUserId, (ids) => ids.userId),
  reactivateUserAction: oneRecord("/settings/users", "userId", (w) => w.a.spareUserId, (ids) => ids.userId),
  updateProfileAction: {
    page: () => "/profile",
    valid: () => ({ name: "Fuzzed Name", locale: "en", timeZone: "" }),
    fields: { name: { kind: "text", max: 200 }, locale: { kind: "enum" }, timeZone: { kind: "enum" } },
  },
  changePasswordAction: {
    page: () => "/profile",
    valid: () => ({ currentPassword: DEMO_PASSWORD, password: "fuzz-new-password", confirmPassword: "fuzz-new-password" }),
    fields: { currentPassword: { kind: "text", max: 72 }, password: { kind: "text", max: 72 }, confirmPassword: { kind: "text", max: 72 } },
  },
  setupCompanyAction: {
    page: () => "/forgot-password",
    valid: () => ({ companyName: "Fuzz Company", country: "BE", currency: "EUR", name: "Fuzz Founder", email: "fuzz-founder@test.example", password: "fuzz-founder-pw" }),
    fields: { companyName: { kind: "text", max: 200 }, country: { kind: "enum" }, currency: { kind: "enum" }, name: { kind: "text", max: 200 }, email: { kind: "text", max: 254 }, password: { kind: "text", max: 72 } },
  },
  // The signed-out pages' language switcher: only a cookie changes, never the database.
  chooseLanguageAction: { page: () => "/forgot-password", valid: () => ({ locale: "en" }), fields: { locale: { kind: "enum" } } },
  forgotPasswordAction: { page: () => "/forgot-password", valid: () => ({ email: "fuzz-nobody@test.example" }), fields: { email: { kind: "text", max: 254 } } },
  acceptInvitationAction: choosePasswordFuzz,
  resetPasswordAction: choosePasswordFuzz,
  startVerificationAction: { page: (w) => `/s/${w.a.signingToken}`, valid: (w) => ({ token: w.a.signingToken }), fields: { token: { kind: "key" } } },
  signAction: {
    page: (w) => `/s/${w.a.signingToken}`,
    valid: (w) => ({ token: w.a.signingToken, kind: "TYPED", text: "" }),
    fields: { token: { kind: "key" }, kind: { kind: "enum" }, text: { kind: "text", max: 100 } },
  },
  refuseAction: { page: (w) => `/s/${w.a.signingToken}`, valid: (w) => ({ token: w.a.signingToken, reason: "x" }), fields: { token: { kind: "key" }, reason: { kind: "text", max: 500 } } },
};

// The one action with no input at all: nothing to fuzz (the matrix covers who may run it).
Object.assign(FUZZ, {
  deleteDocumentAction: oneRecord("/documents", "documentId", (w) => w.a.documentId, (ids) => ids.documentId, { from: ["list", { kind: "enum" }] }),
  saveCompanyDetailsAction: {
    page: () => "/settings/company",
    valid: () => ({ name: "Fuzzed Company", street: "Meir 1", zip: "2000", city: "Antwerpen", vatNumber: "", locale: "en", timeZone: "Europe/Brussels" }),
    fields: {
      name: { kind: "text", max: 200 },
      street: { kind: "text", max: 200 },
      zip: { kind: "text", max: 20 },
      city: { kind: "text", max: 100 },
      vatNumber: { kind: "text", max: 20 },
      locale: { kind: "enum" },
      timeZone: { kind: "enum" },
    },
  },
  retryJobAction: { page: () => "/settings/jobs", valid: (w) => ({ id: w.a.retryRunId }), fields: { id: { kind: "id" } }, args: (_w, values) => [values] },
  discardJobAction: { page: () => "/settings/jobs", valid: (w) => ({ id: w.a.discardRunId }), fields: { id: { kind: "id" } }, args: (_w, values) => [values] },
  saveSenderAction: { page: () => "/settings/sms", valid: () => ({ senderName: "Fuzzed" }), fields: { senderName: { kind: "text", max: 11 } } },
  addOptOutAction: { page: () => "/settings/sms", valid: () => ({ number: "+32 470 55 44 33" }), fields: { number: { kind: "text", max: 40 } } },
  removeOptOutAction: oneRecord("/settings/sms", "id", (w) => w.a.optOutId),
  copySigningLinkAction: {
    page: (w) => `/sign/${w.a.spareRequestId}`,
    valid: (w) => ({ requestId: String(w.a.spareRequestId), signerId: String(w.a.spareSignerId) }),
    fields: { requestId: { kind: "id" }, signerId: { kind: "id" } },
  },
  resendSigningEmailAction: {
    page: (w) => `/sign/${w.a.spareRequestId}`,
    valid: (w) => ({ requestId: String(w.a.spareRequestId), signerId: String(w.a.spareSignerId) }),
    fields: { requestId: { kind: "id" }, signerId: { kind: "id" } },
  },
  cancelSignatureRequestAction: oneRecord((w) => `/sign/${w.a.spareRequestId}`, "requestId", (w) => w.a.spareRequestId),
  saveBudgetAction: {
    page: (w) => `/settings/iap/${w.a.accountId}`,
    valid: (w) => ({ accountId: String(w.a.accountId), target: "default", limit: "1000", mode: "soft" }),
    fields: { accountId: { kind: "id", other: (ids) => ids.accountId }, target: { kind: "enum" }, limit: { kind: "amount" }, mode: { kind: "enum" } },
  },
  saveAutoTopupAction: {
    page: (w) => `/settings/iap/${w.a.accountId}`,
    valid: (w) => ({ accountId: String(w.a.accountId), enabled: "on", threshold: "5", packId: String(w.a.packId), monthlyCap: "3" }),
    fields: { accountId: { kind: "id", other: (ids) => ids.accountId }, threshold: { kind: "amount" }, packId: { kind: "id" }, monthlyCap: { kind: "count" } },
  },
} satisfies Record<string, FuzzCase>);

const NO_INPUT = new Set(["processQueueAction", "runRulesNowAction"]);

// ── Checks ───────────────────────────────────────────────────────────────────

const GENERIC = /unexpected|something went wrong|internal server error|an error occurred/i;

function describe(answer: ActionAnswer): string {
  return `HTTP ${answer.status} ${answer.redirect ?? ""} ${JSON.stringify(answer.result, (_k, v) => (typeof v === "bigint" ? `${v}n` : v))?.slice(0, 300) ?? answer.text.slice(0, 300)}`;
}

/**
 * A refusal: 200, no redirect, ok:false saying why — its code (signed-out,
 * forbidden, a buy prompt), its message, or the fields at fault — and never
 * "unexpected" (an error the wrapper caught: a crash by another name).
 */
function expectRefused(answer: ActionAnswer, label: string) {
  expect(answer.status, `${label}: ${describe(answer)}`).toBe(200);
  expect(answer.redirect ?? null, `${label}: redirected — ${describe(answer)}`).toBeNull();
  const state = answer.result as ActionState<unknown> | undefined;
  expect(state, `${label}: no answer — ${describe(answer)}`).toBeDefined();
  expect(state!.ok, `${label}: ${describe(answer)}`).toBe(false);
  const failure = state as ActionFailure;
  expect(failure.code, `${label}: ${describe(answer)}`).not.toBe("unexpected");
  if (failure.code === "refused" || failure.code === "invalid") {
    const messages = [failure.message ?? "", ...(failure.formErrors ?? []), ...Object.values(failure.fieldErrors ?? {}).flatMap((list) => list ?? [])].filter(Boolean);
    expect(messages.length, `${label}: refused without saying why — ${describe(answer)}`).toBeGreaterThan(0);
    for (const message of messages) expect(message, `${label}: a generic message — ${describe(answer)}`).not.toMatch(GENERIC);
  }
}

/** Runs one property per entry point and reports every entry point that failed, not just the first. */
async function everyEntryPoint<T>(entries: T[], name: (entry: T) => string, property: (entry: T) => Promise<void>) {
  const failures: string[] = [];
  for (const entry of entries) {
    try {
      await property(entry);
    } catch (error) {
      const lines = (error as Error).message.split("\n").map((line) => line.trim()).filter(Boolean);
      // fast-check 4 keeps the failing assertion as the cause; without one, its lines are in the message.
      const cause = (error as Error & { cause?: Error }).cause?.message?.split("\n")[0] ?? lines.filter((line) => /HTTP|changed|Expected|Received/.test(line)).slice(0, 4).join(" | ");
      failures.push(`${name(entry)}: ${lines.filter((line) => /Counterexample|seed/.test(line)).join(" | ")} | ${cause.slice(0, 400)}`);
    }
  }
  expect(failures, failures.join("\n\n")).toEqual([]);
}

/**
 * The fingerprint taken after the last call. Only this spec calls its server,
 * and its background jobs are off, so nothing writes between two calls: the
 * state after one call is the state before the next, and one fingerprint a
 * call is enough (a late write of one call is then still seen, by the next).
 */
let last: Map<string, string> | undefined;

async function unchanged<T>(label: string, call: () => Promise<T>): Promise<T> {
  const before = last ?? (await databaseFingerprint(world.db.pool));
  last = undefined;
  const result = await call();
  const after = await databaseFingerprint(world.db.pool);
  const changed = changedTables(before, after);
  last = after;
  expect(changed, `${label}: the database changed (${changed.join(", ")})`).toEqual([]);
  return result;
}

/** Anything React's reply encoding can carry: wrong types, nesting, huge strings and numbers, bigints, dates. */
const garbageValue = fc.oneof(
  fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withNullPrototype: false, withMap: true, withSet: true }),
  hugeText(50_000),
  fc.constantFrom(Number.MAX_VALUE, -1, 1e30, -1e30, NaN, Infinity, 2 ** 53 + 1, -(2n ** 70n)),
);
// Field names the actions read — but not "name" alone: {name: "x"} is a whole valid
// form of some actions (a new contact, the profile), which then rightly change the database.
const garbageForm = fc
  .dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("id", "contactId", "body", "letterId", "purchaseId", "total", "kind", "signers")), fc.oneof(fc.string({ maxLength: 50 }), hugeText(5000), withNul), { maxKeys: 6 })
  .map((fields) => form(fields));

test("server actions: arguments of the wrong type or shape are refused with a message, and change nothing", async () => {
  await everyEntryPoint(world.actions.filter((action) => !NO_INPUT.has(action.name)), (action) => action.name, async (action) => {
    const page = FUZZ[action.name].page(world);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(garbageValue, garbageForm), { maxLength: 4 }), async (args) => {
        const answer = await unchanged(`${action.name}(garbage)`, () => callAction(world.sessions.adminA, page, action.id, args));
        expectRefused(answer, `${action.name}(garbage)`);
      }),
      { numRuns: RUNS },
    );
  });
});

test("server actions: valid input with one field made bad (huge, NUL, unknown or other company's id, bad amount) is refused, and changes nothing", async () => {
  expect(Object.keys(FUZZ).sort()).toEqual(world.actions.map((a) => a.name).filter((name) => !NO_INPUT.has(name)).sort());
  await everyEntryPoint(world.actions.filter((action) => !NO_INPUT.has(action.name)), (action) => action.name, async (action) => {
    const entry = FUZZ[action.name];
    const fieldNames = Object.keys(entry.fields);
    const mutation = fc.constantFrom(...fieldNames).chain((name) => badValue(entry.fields[name]).map((value) => ({ name, value })));
    await fc.assert(
      fc.asyncProperty(mutation, async ({ name, value }) => {
        const values = { ...entry.valid(world), [name]: value };
        const label = `${action.name} with ${name}=${JSON.stringify(value.length > 40 ? `${value.slice(0, 20)}…(${value.length})` : value)}`;
        const answer = await unchanged(label, () => callAction(world.sessions.adminA, entry.page(world), action.id, (entry.args ?? formArgs)(world, values)));
        expectRefused(answer, label);
      }),
      { numRuns: RUNS },
    );
  });
});

// ── Routes and pages ─────────────────────────────────────────────────────────

const pathPiece = fc.oneof(unknownIds, fc.string({ maxLength: 30 }), hugeText(3000), fc.constantFrom("%00", "..%2F..%2Fetc%2Fpasswd", "%C0%AE", "%ZZ", "1%00", "💥"));
const queryValue = fc.oneof(unknownIds, fc.string({ maxLength: 30 }), hugeText(3000), fc.constantFrom("%00", "1e30", "-5", "%FF%FE", "[]", "{}"));
const enc = (value: string) => (/%[0-9A-Fa-f]{2}|%ZZ/.test(value) ? value : encodeURIComponent(value));

/** The public API, called with A's read + charge key: garbage anywhere is a 4xx problem, never a charge. */
const apiRequest = (method: string, path: string, body?: string, headers: Record<string, string> = {}) => ({
  path,
  init: {
    method,
    headers: { authorization: `Bearer ${world.apiKeys.adminA}`, ...(body === undefined ? {} : { "content-type": "application/json", "idempotency-key": rand() }), ...headers },
    ...(body === undefined ? {} : { body }),
  },
});
/** A body that is JSON garbage, too big, or a request of the right shape with one field made bad. */
const API_TEXT_FIELDS = new Set(["description"]);
const apiBody = (shape: Record<string, unknown>) =>
  fc.oneof(
    fc.json(),
    hugeText(20_000),
    withNul,
    fc
      .constantFrom(...Object.keys(shape), "unknown_field")
      .chain((field) =>
        // "-1" is a bad amount but a good description: text fields get only values no text field takes.
        fc.oneof(...(API_TEXT_FIELDS.has(field) ? [] : [badAmounts]), withNul, hugeText(300), fc.constantFrom(-1, 1e30, null, true, [] as unknown, {} as unknown)).map((value) => JSON.stringify({ ...shape, [field]: value })),
      ),
  );
/** Every field of a capture is optional: `{}` or `{"description": "…"}` from fc.json() would be a real capture of A's hold. */
const notACaptureBody = (body: string) => {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return true;
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return true;
  const fields = value as Record<string, unknown>;
  if (!Object.keys(fields).every((key) => key === "amount" || key === "description")) return true;
  const amountOk = !("amount" in fields) || (typeof fields.amount === "string" && /^\d{1,15}(\.\d{1,6})?$/.test(fields.amount));
  const descriptionOk = !("description" in fields) || (typeof fields.description === "string" && fields.description.trim() !== "");
  return !(amountOk && descriptionOk);
};
const chargeShape = { amount: "1", description: "Fuzz" };
const holdShape = { service: "sms", amount: "1", description: "Fuzz", expires_in: 60 };

const ROUTE_FUZZ: { name: string; request: fc.Arbitrary<{ path: string; init?: RequestInit }> }[] = [
  { name: "GET /api/v1/ping (key)", request: fc.oneof(fc.string({ maxLength: 80 }), hugeText(5000)).map((key) => ({ path: "/api/v1/ping", init: { headers: { authorization: `Bearer ${key.replace(/[^\x20-\x7e]/g, "")}` } } })) },
  { name: "GET /api/v1/accounts/[service]", request: pathPiece.map((service) => apiRequest("GET", `/api/v1/accounts/${enc(service)}`)) },
  {
    name: "GET /api/v1/accounts/[service]/entries",
    request: fc.tuple(fc.oneof(fc.constant("sms"), pathPiece), queryValue, queryValue).map(([service, limit, cursor]) => apiRequest("GET", `/api/v1/accounts/${enc(service)}/entries?limit=${enc(limit)}&cursor=${enc(cursor)}`)),
  },
  {
    name: "POST /api/v1/accounts/[service]/charges",
    request: fc.tuple(fc.oneof(fc.constant("sms"), pathPiece), apiBody(chargeShape)).map(([service, body]) => apiRequest("POST", `/api/v1/accounts/${enc(service)}/charges`, body)),
  },
  { name: "POST /api/v1/holds", request: apiBody(holdShape).map((body) => apiRequest("POST", "/api/v1/holds", body)) },
  {
    name: "POST /api/v1/holds (Idempotency-Key)",
    request: fc.oneof(fc.constant(""), hugeText(300), fc.string({ maxLength: 20 }).map((k) => `${k} é`)).map((key) => apiRequest("POST", "/api/v1/holds", JSON.stringify({ ...holdShape, amount: "-1" }), { "idempotency-key": key })),
  },
  { name: "GET /api/v1/holds/[id]", request: pathPiece.map((id) => apiRequest("GET", `/api/v1/holds/${enc(id)}`)) },
  {
    name: "POST /api/v1/holds/[id]/capture|release",
    request: fc.tuple(fc.oneof(pathPiece, fc.constant(null).map(() => String(world.a.holdId))), fc.constantFrom("capture", "release"), apiBody({ amount: "1" }).filter(notACaptureBody)).map(([id, verb, body]) => apiRequest("POST", `/api/v1/holds/${enc(id)}/${verb}`, body)),
  },
  {
    name: "GET /api/v1/purchases",
    request: fc.tuple(queryValue, queryValue, queryValue).map(([limit, cursor, service]) => apiRequest("GET", `/api/v1/purchases?limit=${enc(limit)}&cursor=${enc(cursor)}&service=${enc(service)}`)),
  },
  { name: "GET /api/v1/purchases/[id]", request: fc.oneof(pathPiece, otherCompanyId((ids) => ids.purchaseId)).map((id) => apiRequest("GET", `/api/v1/purchases/${enc(id)}`)) },
  { name: "* /api/v1/[...path]", request: fc.tuple(fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE"), pathPiece).map(([method, piece]) => apiRequest(method, `/api/v1/${enc(piece)}/x`, method === "GET" ? undefined : "{}")) },
  { name: "GET /api/partner-autocomplete", request: queryValue.map((q) => ({ path: `/api/partner-autocomplete?q=${enc(q)}` })) },
  { name: "GET /api/documents/[id]/preview", request: pathPiece.map((id) => ({ path: `/api/documents/${enc(id)}/preview` })) },
  { name: "GET /api/identity/callback", request: fc.tuple(queryValue, queryValue).map(([code, state]) => ({ path: `/api/identity/callback?code=${enc(code)}&state=${enc(state)}&error=${enc(state)}` })) },
  {
    name: "POST /api/stripe/webhook",
    request: fc.tuple(fc.oneof(fc.json(), hugeText(20_000), withNul), fc.string({ maxLength: 80 })).map(([body, signature]) => ({ path: "/api/stripe/webhook", init: { method: "POST", body, headers: { "stripe-signature": signature, "content-type": "application/json" } } })),
  },
  {
    name: "GET|POST /api/cron/run",
    request: fc.tuple(queryValue, fc.constantFrom("GET", "POST"), fc.string({ maxLength: 80 })).map(([schedule, method, token]) => ({ path: `/api/cron/run?schedule=${enc(schedule)}`, init: { method, headers: { authorization: `Bearer ${token.replace(/[^\x20-\x7e]/g, "")}` } } })),
  },
  {
    name: "POST /api/sms/status|inbound",
    request: fc.tuple(fc.constantFrom("status", "inbound"), fc.oneof(fc.string({ maxLength: 200 }), hugeText(70_000), withNul), fc.string({ maxLength: 80 })).map(([hook, body, signature]) => ({
      path: `/api/sms/${hook}`,
      init: { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature.replace(/[^\x20-\x7e]/g, "") } },
    })),
  },
  { name: "GET /settings/iap/[accountId]/history.csv", request: fc.tuple(fc.oneof(pathPiece, otherCompanyId((ids) => ids.accountId)), queryValue, queryValue).map(([id, from, service]) => ({ path: `/settings/iap/${enc(id)}/history.csv?from=${enc(from)}&to=${enc(service)}&kind=${enc(service)}` })) },
  {
    name: "GET /settings/iap/[accountId]/purchases/[purchaseId]/invoice",
    request: fc.oneof(pathPiece, otherCompanyId((ids) => ids.purchaseId)).map((id) => ({ path: `/settings/iap/${Math.random() < 0.5 ? world.a.accountId : enc(id)}/purchases/${enc(id)}/invoice` })),
  },
  {
    name: "GET|POST /api/test-idp/*",
    request: fc.tuple(pathPiece, fc.constantFrom("GET", "POST"), fc.string({ maxLength: 200 })).map(([piece, method, body]) => ({
      path: `/api/test-idp/${enc(piece)}`,
      init: method === "POST" ? { method, body, headers: { "content-type": "application/x-www-form-urlencoded" } } : { method },
    })),
  },
  {
    name: "POST /api/auth/*",
    request: fc.tuple(fc.constantFrom("callback/credentials", "signin/credentials", "signout", "session", "_log", "nope"), fc.string({ maxLength: 200 })).map(([action, body]) => ({ path: `/api/auth/${action}`, init: { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } } })),
  },
  { name: "GET /letters/[id]/pdf", request: pathPiece.map((id) => ({ path: `/letters/${enc(id)}/pdf` })) },
  { name: "GET /s/[token]/document", request: pathPiece.map((token) => ({ path: `/s/${enc(token)}/document` })) },
  { name: "GET /sign/[id]/document/[version]", request: fc.tuple(pathPiece, pathPiece).map(([id, version]) => ({ path: `/sign/${enc(id)}/document/${enc(version)}` })) },
];

const PAGE_FUZZ: { name: string; path: fc.Arbitrary<string> }[] = [
  { name: "/contacts?q&page", path: fc.tuple(queryValue, queryValue).map(([q, page]) => `/contacts?q=${enc(q)}&page=${enc(page)}`) },
  { name: "/contacts/[id]", path: pathPiece.map((id) => `/contacts/${enc(id)}`) },
  { name: "/contacts/[id]/post", path: pathPiece.map((id) => `/contacts/${enc(id)}/post`) },
  { name: "/documents/[id]", path: pathPiece.map((id) => `/documents/${enc(id)}`) },
  { name: "/sign/[id]", path: pathPiece.map((id) => `/sign/${enc(id)}`) },
  { name: "/letters", path: queryValue.map((v) => `/letters?page=${enc(v)}`) },
  { name: "/leads?request", path: queryValue.map((v) => `/leads?request=${enc(v)}`) },
  { name: "/iap/buy/[service]", path: pathPiece.map((s) => `/iap/buy/${enc(s)}?cancelled=${enc(s)}`) },
  { name: "/iap/checkout/demo/[purchaseId]", path: pathPiece.map((id) => `/iap/checkout/demo/${enc(id)}`) },
  { name: "/iap/checkout/success", path: fc.tuple(queryValue, queryValue).map(([p, s]) => `/iap/checkout/success?purchase=${enc(p)}&session_id=${enc(s)}`) },
  { name: "/settings/iap/[accountId]?before", path: fc.tuple(pathPiece, queryValue).map(([id, before]) => `/settings/iap/${Math.random() < 0.5 ? world.a.accountId : enc(id)}?before=${enc(before)}`) },
  // Garbage is no service: a 404, and no account is opened.
  { name: "/settings/iap/service/[service]", path: pathPiece.map((service) => `/settings/iap/service/${enc(service)}`) },
  { name: "/settings/outbox?page", path: queryValue.map((page) => `/settings/outbox?page=${enc(page)}`) },
  { name: "/settings/outbox/[id]", path: pathPiece.map((id) => `/settings/outbox/${enc(id)}`) },
  { name: "/settings/webhooks/[id]", path: fc.oneof(pathPiece, otherCompanyId((ids) => ids.endpointId)).map((id) => `/settings/webhooks/${enc(id)}`) },
  { name: "/s/[token]", path: fc.tuple(pathPiece, queryValue).map(([token, v]) => `/s/${enc(token)}?verification=${enc(v)}`) },
  { name: "/login?callbackUrl", path: queryValue.map((v) => `/login?callbackUrl=${enc(v)}`) },
  { name: "/invite/[token]", path: pathPiece.map((token) => `/invite/${enc(token)}`) },
  { name: "/reset-password/[token]", path: pathPiece.map((token) => `/reset-password/${enc(token)}`) },
];

test("JSON routes: garbage in path, query, headers or body never gets a 5xx, and changes nothing", async () => {
  await everyEntryPoint(ROUTE_FUZZ, (route) => route.name, async (route) => {
    await fc.assert(
      fc.asyncProperty(route.request, async ({ path, init }) => {
        const response = await unchanged(`${route.name} ${path.slice(0, 80)}`, () => world.sessions.adminA.fetch(path, init));
        const body = await response.text();
        expect(response.status, `${route.name} ${path.slice(0, 120)}: ${body.slice(0, 200)}`).toBeLessThan(500);
        if (route.name.includes("/api/") && /json/.test(response.headers.get("content-type") ?? "") && response.status >= 400) {
          expect(body.length, `${route.name}: an error without a message`).toBeGreaterThan(2);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

test("pages: garbage ids, page numbers and query values get the page or a 404, never a 5xx", async () => {
  await everyEntryPoint(PAGE_FUZZ, (page) => page.name, async (page) => {
    await fc.assert(
      fc.asyncProperty(page.path, async (path) => {
        const response = await unchanged(`${page.name} ${path.slice(0, 80)}`, () => world.sessions.adminA.fetch(path));
        await response.arrayBuffer();
        expect(response.status, `${page.name}: ${path.slice(0, 160)}`).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
  });
});
