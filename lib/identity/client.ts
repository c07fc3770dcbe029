import "server-only";
import * as oidc from "openid-client";
import { requireIdentityProvider, type IdentityProviderConfig } from "./config";

// The OpenID Connect relying party: authorization code flow with PKCE, state
// and nonce, then the profile claims from the userinfo endpoint (where itsme
// and most providers put them unless asked into the ID token).

export interface LoginChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface VerifiedClaims {
  issuer: string;
  subject: string;
  name: string;
  birthdate: string | null;
}

// Discovery once per issuer and process; a failed discovery is not cached.
const configurations = new Map<string, Promise<oidc.Configuration>>();

async function clientConfiguration(provider: IdentityProviderConfig): Promise<oidc.Configuration> {
  const key = `${provider.issuer}|${provider.clientId}`;
  let pending = configurations.get(key);
  if (!pending) {
    pending = oidc.discovery(
      new URL(provider.issuer),
      provider.clientId,
      { redirect_uris: [provider.redirectUri] },
      oidc.ClientSecretBasic(provider.clientSecret),
      provider.allowInsecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    configurations.set(key, pending);
    pending.catch(() => configurations.delete(key));
  }
  return pending;
}

/** Fresh random state, nonce and PKCE verifier for one login. */
export function newLoginChecks(): LoginChecks {
  return { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
}

/** Where to send the signer's browser. `prompt=login`: a verification is a fresh login, never a remembered session. */
export async function authorizationUrl(checks: LoginChecks, provider = requireIdentityProvider()): Promise<URL> {
  const config = await clientConfiguration(provider);
  return oidc.buildAuthorizationUrl(config, {
    redirect_uri: provider.redirectUri,
    scope: "openid profile",
    state: checks.state,
    nonce: checks.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
    code_challenge_method: "S256",
    prompt: "login",
  });
}

/**
 * The provider's answer on the callback URL → verified claims. openid-client
 * checks state, the ID token (issuer, audience, signature, nonce) and sends
 * the PKCE verifier; any mismatch or an error answer throws.
 */
export async function exchangeCallback(callbackUrl: URL, checks: LoginChecks, provider = requireIdentityProvider()): Promise<VerifiedClaims> {
  const config = await clientConfiguration(provider);
  const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    pkceCodeVerifier: checks.codeVerifier,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims()!;
  const profile = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
  const name =
    stringClaim(profile.name) ?? stringClaim(idClaims.name) ?? [stringClaim(profile.given_name), stringClaim(profile.family_name)].filter(Boolean).join(" ");
  if (!name) throw new Error("The identity provider returned no name for this person.");
  return {
    issuer: idClaims.iss,
    subject: idClaims.sub,
    name,
    birthdate: stringClaim(profile.birthdate) ?? stringClaim(idClaims.birthdate),
  };
}

function stringClaim(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** Tests point the client at another provider between cases. */
export function clearIdentityClientCache() {
  configurations.clear();
}
