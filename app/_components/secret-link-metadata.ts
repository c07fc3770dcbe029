import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

/**
 * The metadata of a page opened by a secret link (an invitation, a password
 * reset, a signing link): no referrer, so the token in its URL never leaks to
 * another site, and no search engine keeps it.
 */
export function secretLinkMetadata(namespace: "auth.invite" | "auth.reset" | "sign.signing") {
  return async function generateMetadata(): Promise<Metadata> {
    return { title: (await getTranslations(namespace))("metaTitle"), referrer: "no-referrer", robots: { index: false, follow: false } };
  };
}
