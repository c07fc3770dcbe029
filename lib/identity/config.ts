import { env, isLoopback } from "@/lib/env";

// Which OpenID Connect provider identifies signers: the one configured with
// IDENTITY_ISSUER_URL / IDENTITY_CLIENT_ID / IDENTITY_CLIENT_SECRET (itsme is
// one), or else — in demo mode only (DEMO) — the built-in test identity
// provider that the app serves itself under /api/test-idp
// (lib/identity/test-provider.ts). Outside demo mode with no provider
// configured there is none: signer verification is unavailable.

export const TEST_PROVIDER_LABEL = "Test identity provider";
export const TEST_PROVIDER_PATH = "/api/test-idp";
/** The app is the test provider's only client. Not secrets: the test provider verifies nobody. */
export const TEST_CLIENT_ID = "iap-credits-sign";
export const TEST_CLIENT_SECRET = "test-identity-provider-client-secret";
export const CALLBACK_PATH = "/api/identity/callback";

export interface IdentityProviderConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What signers and the audit page call it. */
  label: string;
  isTestProvider: boolean;
  redirectUri: string;
  /** Plain-http discovery and token calls: allowed for loopback issuers only (development, tests). */
  allowInsecure: boolean;
}

export class IdentityUnavailableError extends Error {
  readonly name = "IdentityUnavailableError";
  readonly code = "identity-unavailable";
  constructor() {
    super("No identity provider is configured (IDENTITY_ISSUER_URL, IDENTITY_CLIENT_ID, IDENTITY_CLIENT_SECRET), and the test identity provider runs in demo mode only (DEMO=1).");
  }
}

/** The provider that identifies signers, or null when there is none (production mode, nothing configured). */
export function identityProviderConfig(): IdentityProviderConfig | null {
  const config = env();
  const redirectUri = `${config.APP_URL}${CALLBACK_PATH}`;
  if (config.IDENTITY_ISSUER_URL && config.IDENTITY_CLIENT_ID && config.IDENTITY_CLIENT_SECRET) {
    const issuerUrl = new URL(config.IDENTITY_ISSUER_URL);
    return {
      issuer: config.IDENTITY_ISSUER_URL,
      clientId: config.IDENTITY_CLIENT_ID,
      clientSecret: config.IDENTITY_CLIENT_SECRET,
      label: config.IDENTITY_PROVIDER_NAME ?? issuerUrl.hostname,
      isTestProvider: false,
      redirectUri,
      allowInsecure: issuerUrl.protocol === "http:" && isLoopback(issuerUrl.hostname),
    };
  }
  if (!config.DEMO) return null;
  return {
    issuer: `${config.APP_URL}${TEST_PROVIDER_PATH}`,
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    // Never IDENTITY_PROVIDER_NAME: the test provider must not pass for a real one.
    label: TEST_PROVIDER_LABEL,
    isTestProvider: true,
    redirectUri,
    allowInsecure: new URL(config.APP_URL).protocol === "http:",
  };
}

export function requireIdentityProvider(): IdentityProviderConfig {
  const provider = identityProviderConfig();
  if (!provider) throw new IdentityUnavailableError();
  return provider;
}
