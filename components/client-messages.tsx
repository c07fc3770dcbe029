import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickMessages, SHARED_CLIENT_NAMESPACES } from "@/lib/i18n/client-messages";

/**
 * The messages the client components below may use: the shared namespaces
 * plus `namespaces` (dotted paths, e.g. "iap.budgets"). Locale, time zone and
 * formats come from the request's configuration as before. Write the list as
 * a literal array: tests/architecture/client-messages.test.ts reads it from
 * the source and checks it against the client components each page renders.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: React.ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, [...SHARED_CLIENT_NAMESPACES, ...namespaces])}>{children}</NextIntlClientProvider>;
}
