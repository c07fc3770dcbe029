// A real OpenID Provider for integration tests: the app's built-in test
// identity provider (oidc-provider) on a loopback port, plus a tiny cookie-
// keeping "browser" that walks its login page the way a signer would.
import type http from "node:http";
import { reloadEnv } from "@/lib/env";
import { clearIdentityClientCache } from "@/lib/identity/client";
import { CALLBACK_PATH, TEST_CLIENT_ID, TEST_CLIENT_SECRET } from "@/lib/identity/config";
import { startTestProviderServer } from "@/lib/identity/test-provider";

export const APP_URL = "http://localhost:3999";

export async function startIdentityProvider(): Promise<{ issuer: string; stop: () => Promise<void> }> {
  // Port first, then the issuer that names it: start on a free port with a placeholder, restart on it.
  const probe = await startTestProviderServer({ issuer: "http://127.0.0.1/idp", clientId: "x", clientSecret: "x", redirectUris: ["http://localhost/cb"] });
  const port = probe.port;
  await close(probe.server);
  const issuer = `http://127.0.0.1:${port}/idp`;
  const { server } = await startTestProviderServer(
    { issuer, clientId: TEST_CLIENT_ID, clientSecret: TEST_CLIENT_SECRET, redirectUris: [`${APP_URL}${CALLBACK_PATH}`] },
    port,
  );
  Object.assign(process.env, {
    APP_URL,
    IDENTITY_ISSUER_URL: issuer,
    IDENTITY_CLIENT_ID: TEST_CLIENT_ID,
    IDENTITY_CLIENT_SECRET: TEST_CLIENT_SECRET,
    IDENTITY_PROVIDER_NAME: "Local OpenID Provider",
  });
  reloadEnv();
  clearIdentityClientCache();
  return { issuer, stop: () => close(server) };
}

function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * Follows the provider's redirects like a browser (keeping its cookies), picks
 * `identity` on the login page — or presses Cancel — and returns the URL the
 * provider sends the browser back to (the app's callback, not fetched).
 */
export async function loginAtProvider(authorizationUrl: string, identity: string | "cancel"): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(authorizationUrl);
  let method = "GET";
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 10; hop++) {
    if (url.href.startsWith(`${APP_URL}${CALLBACK_PATH}`)) return url;
    const response = await fetch(url, {
      method,
      body,
      redirect: "manual",
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = pair.split("=");
      jar.set(name, value.join("="));
    }
    const location = response.headers.get("location");
    if (location) {
      url = new URL(location, url);
      method = "GET";
      body = undefined;
      continue;
    }
    const html = await response.text();
    if (response.status !== 200 || !html.includes("Test identity provider")) throw new Error(`Unexpected provider answer ${response.status}: ${html.slice(0, 300)}`);
    const actions = [...html.matchAll(/<form method="post" action="([^"]+)"/g)].map((m) => m[1]);
    const action = actions.find((a) => a.endsWith(identity === "cancel" ? "/abort" : "/login"))!;
    url = new URL(action, url);
    method = "POST";
    body = new URLSearchParams(identity === "cancel" ? {} : { identity });
  }
  throw new Error("Too many redirects at the identity provider");
}
