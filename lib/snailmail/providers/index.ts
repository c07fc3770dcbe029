import "server-only";
import { env } from "@/lib/env";
import { PingenProvider } from "./pingen";
import type { PostalProvider } from "./provider";
import { TestPostOffice } from "./test-post-office";

let current: PostalProvider | undefined;

/** The provider chosen by SNAILMAIL_PROVIDER (default: the test post office). */
export function postalProvider(): PostalProvider {
  if (current) return current;
  const config = env();
  current =
    config.SNAILMAIL_PROVIDER === "pingen"
      ? new PingenProvider({
          clientId: config.PINGEN_CLIENT_ID!,
          clientSecret: config.PINGEN_CLIENT_SECRET!,
          organisationId: config.PINGEN_ORGANISATION_ID!,
          apiUrl: (config.PINGEN_API_URL ?? "https://api.pingen.com").replace(/\/$/, ""),
          deliveryProduct: config.PINGEN_DELIVERY_PRODUCT,
        })
      : new TestPostOffice();
  return current;
}
