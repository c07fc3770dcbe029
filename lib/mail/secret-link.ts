import { open, seal } from "@/lib/secrets/seal";
import { SECRET_LINK_LOST } from "./status";
import { escapeHtml, type EmailContent } from "./templates";

// E-mails that carry a secret link (an invitation, a password reset, a signing
// link) are stored without it: their html and text hold SECRET_LINK where the
// link goes, and the link itself is kept beside them sealed with a key derived
// from NEXTAUTH_SECRET. Three steps, one function each:
//   compose  — withSecretLink(): the content to store, and the sealed link;
//   deliver  — deliverableContent(): the message as it is sent, link filled in;
//   render   — redactSecretLink(): what the outbox pages show, link hidden.
// So neither the outbox pages nor the stored rows ever hold a working link.

export const SECRET_LINK = "{{secret-link}}";

export class SecretLinkError extends Error {
  readonly name = "SecretLinkError";
  readonly code = "secret-link-unreadable";
}

export interface StoredContent extends EmailContent {
  /** null for e-mails without a secret link. */
  sealedLink: string | null;
}

/** Composes an e-mail around SECRET_LINK and seals the real link for the delivery step. */
export function withSecretLink(link: string, compose: (link: string) => EmailContent): EmailContent & { sealedLink: string } {
  return { ...compose(SECRET_LINK), sealedLink: seal("outbox-link", link) };
}

/** The stored e-mail as it is delivered: the placeholder replaced by the link. Throws SecretLinkError when the link cannot be opened. */
export function deliverableContent<T extends { html: string; text: string; sealedLink: string | null }>(stored: T): T {
  if (!stored.sealedLink) return stored;
  const link = open("outbox-link", stored.sealedLink);
  if (link === null) {
    throw new SecretLinkError(SECRET_LINK_LOST);
  }
  return { ...stored, html: stored.html.replaceAll(SECRET_LINK, link), text: stored.text.replaceAll(SECRET_LINK, link) };
}

/** The stored e-mail as a page shows it: the link's place holds `label` (in HTML, links to nowhere). */
export function redactSecretLink<T extends { html: string; text: string }>(stored: T, label: string): T {
  return {
    ...stored,
    html: stored.html.replaceAll(`href="${SECRET_LINK}"`, 'href="#"').replaceAll(SECRET_LINK, escapeHtml(label)),
    text: stored.text.replaceAll(SECRET_LINK, label),
  };
}
