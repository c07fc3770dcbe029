import "server-only";
import { env } from "@/lib/env";
import { embeddedProvider } from "./embedded";
import type { CompanyDataProvider } from "./provider";

const PROVIDERS: Record<ReturnType<typeof env>["ENRICHMENT_PROVIDER"], CompanyDataProvider> = {
  embedded: embeddedProvider,
};

export function companyDataProvider(): CompanyDataProvider {
  return PROVIDERS[env().ENRICHMENT_PROVIDER];
}
