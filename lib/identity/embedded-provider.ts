import "server-only";
import { identityProviderConfig } from "./config";
import { startTestProviderServer } from "./test-provider";

// With no IDENTITY_ISSUER_URL, the app serves the test identity provider
// itself: oidc-provider listens on a free loopback port inside this process,
// started on first use, and /api/test-idp/* (app/api/test-idp) forwards to it.
// So the issuer is APP_URL/api/test-idp — the app's own origin — and works
// wherever the app does, with no second public port. One per process
// (globalThis survives Next's dev reloads); its logins live in memory.

const state = globalThis as unknown as { testIdentityProvider?: Promise<{ port: number }> };

/** The loopback port of the embedded test provider, or null when it is off (a real provider is configured, or not in demo mode). */
export function embeddedTestProvider(): Promise<{ port: number }> | null {
  const config = identityProviderConfig();
  if (!config?.isTestProvider) return null;
  state.testIdentityProvider ??= startTestProviderServer({
    issuer: config.issuer,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    redirectUris: [config.redirectUri],
  }).then(
    ({ port }) => {
      console.log(`▸ Identity: built-in test identity provider at ${config.issuer} (set IDENTITY_ISSUER_URL for a real one)`);
      return { port };
    },
    (error) => {
      state.testIdentityProvider = undefined;
      throw error;
    },
  );
  return state.testIdentityProvider;
}
