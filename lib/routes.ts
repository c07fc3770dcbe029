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
