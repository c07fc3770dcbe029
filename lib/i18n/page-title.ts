// A page's <title> is one message of its part of the catalogue, in the
// reader's language (next-intl's request locale, as the page's own words):
//
//   export const generateMetadata = titleFrom("webhooks", "title");
import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export function titleFrom(namespace: string, key: string): () => Promise<Metadata> {
  return async () => ({ title: (await getTranslations(namespace))(key) });
}
