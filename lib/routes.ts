// Every in-app URL that code builds, in one place: a route that moves changes
// here, and pages, e-mails, redirects and tests keep agreeing. Plain functions
// (no server-only), so server and client components share them.
import type { ServiceName } from "@/lib/iap/catalogue";

/** "Buy Credits for <service>": where every buy prompt leads. */
export function buyCreditsPath(service: ServiceName): string {
  return `/iap/buy/${service}`;
}

/** A service's Account Information page (balance, Warn Me, history). */
export function accountPath(accountId: number): string {
  return `/settings/iap/${accountId}`;
}

/** The in-app stand-in for Stripe's hosted checkout page. */
export function demoCheckoutPath(purchaseId: number): string {
  return `/iap/checkout/demo/${purchaseId}`;
}

/** Where a checkout comes back to; Stripe appends its session id itself. */
export const CHECKOUT_SUCCESS_PATH = "/iap/checkout/success";

export function checkoutReceiptPath(purchaseId: number): string {
  return `${CHECKOUT_SUCCESS_PATH}?purchase=${purchaseId}`;
}

export function contactPath(contactId: number): string {
  return `/contacts/${contactId}`;
}

/** "Send by Post" for one contact. */
export function contactPostPath(contactId: number): string {
  return `/contacts/${contactId}/post`;
}

export function documentPath(documentId: number): string {
  return `/documents/${documentId}`;
}

export function letterPdfPath(letterId: number): string {
  return `/letters/${letterId}/pdf`;
}

export function signatureRequestPath(requestId: number): string {
  return `/sign/${requestId}`;
}

/** A signer's personal link (public: the token is the signer's only credential). */
export function signingPath(token: string): string {
  return `/s/${token}`;
}

export function outboxEmailPath(emailId: number): string {
  return `/settings/outbox/${emailId}`;
}

export function accountHistoryCsvPath(accountId: number, filter: URLSearchParams): string {
  const query = filter.toString();
  return `/settings/iap/${accountId}/history.csv${query ? `?${query}` : ""}`;
}

/**
 * What a ledger entry paid for, as a page: its `reference` is "<type>:<id>"
 * (contact:12 for an SMS to contact 12, document:7, letter:3,
 * lead_request:5, sign:<request>:signer:<signer>, purchase:9). Null for a
 * reference with no page of its own (a mass SMS batch, the directory).
 */
export function referencePath(reference: string | null): string | null {
  if (!reference) return null;
  const [type, id] = reference.split(":");
  const n = Number(id);
  if (!/^\d{1,12}$/.test(id ?? "") || !Number.isSafeInteger(n)) return null;
  switch (type) {
    case "contact":
      return contactPath(n);
    case "document":
      return documentPath(n);
    case "letter":
      return letterPdfPath(n);
    case "sign":
      return signatureRequestPath(n);
    case "lead_request":
      return "/leads";
    case "visitor_rule":
      return "/settings/lead-generation";
    case "purchase":
      return checkoutReceiptPath(n);
    default:
      return null;
  }
}
