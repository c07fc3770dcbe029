import "server-only";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import type { Context } from "koa";
import { escapeHtml } from "@/lib/mail/templates";
import { TEST_PROVIDER_LABEL } from "./config";

// The built-in "Test identity provider": a real OpenID Provider (oidc-provider)
// with a few made-up people, so the whole signer-identification flow works
// offline, in development and in tests, when no IDENTITY_ISSUER_URL is set.
// Its login page lets whoever is at the keyboard pick an identity: it proves
// nothing about anyone and must never stand in for itsme in production.

export interface TestIdentity {
  sub: string;
  name: string;
  givenName: string;
  familyName: string;
  birthdate: string;
  email: string;
}

export const TEST_IDENTITIES: readonly TestIdentity[] = [
  { sub: "test-marie-dupont", name: "Marie Dupont", givenName: "Marie", familyName: "Dupont", birthdate: "1985-04-12", email: "marie.dupont@example.com" },
  { sub: "test-jan-janssens", name: "Jan Janssens", givenName: "Jan", familyName: "Janssens", birthdate: "1979-11-03", email: "jan.janssens@example.com" },
  { sub: "test-sophie-peeters", name: "Sophie Peeters", givenName: "Sophie", familyName: "Peeters", birthdate: "1992-06-30", email: "sophie.peeters@example.com" },
];

export interface TestProviderOptions {
  /** Exact issuer string, e.g. http://localhost:3000/api/test-idp (its path is where the provider is mounted). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export function createTestProvider(options: TestProviderOptions): Provider {
  const mountPath = new URL(options.issuer).pathname.replace(/\/$/, "");
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const provider = new Provider(options.issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "test-idp", use: "sig", alg: "RS256" }] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    claims: { openid: ["sub"], profile: ["name", "given_name", "family_name", "birthdate"], email: ["email"] },
    pkce: { required: () => true },
    // Short lives: a verification is one login, used at once.
    ttl: { AccessToken: 600, AuthorizationCode: 120, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const identity = TEST_IDENTITIES.find((candidate) => candidate.sub === sub);
      if (!identity) return undefined;
      return {
        accountId: sub,
        async claims() {
          return {
            sub,
            name: identity.name,
            given_name: identity.givenName,
            family_name: identity.familyName,
            birthdate: identity.birthdate,
            email: identity.email,
          };
        },
      };
    },
    // Only the app is a client here: grant what it asks for without a consent screen.
    async loadExistingGrant(ctx) {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId || !ctx.oidc.client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId });
      grant.addOIDCScope("openid profile email");
      await grant.save();
      return grant;
    },
  });
  // Behind the app's /api/test-idp proxy the public host comes in X-Forwarded-*.
  provider.proxy = true;
  provider.use(async (ctx, next) => {
    const match = /^\/interaction\/([\w-]+)(\/login|\/abort)?$/.exec(ctx.path);
    if (!match) return next();
    await interaction(provider, ctx, match[2]);
  });
  return provider;
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

async function interaction(provider: Provider, ctx: Context, action: string | undefined) {
  ctx.set("cache-control", "no-store");
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  if (ctx.method === "POST" && action === "/login") {
    const form = await readForm(ctx.req);
    const identity = TEST_IDENTITIES.find((candidate) => candidate.sub === form.get("identity"));
    if (!identity) {
      ctx.status = 400;
      ctx.body = "Unknown test identity";
      return;
    }
    const returnTo = await provider.interactionResult(ctx.req, ctx.res, { login: { accountId: identity.sub } }, { mergeWithLastSubmission: false });
    ctx.status = 303;
    ctx.redirect(returnTo);
    return;
  }
  if (ctx.method === "POST" && action === "/abort") {
    const returnTo = await provider.interactionResult(
      ctx.req,
      ctx.res,
      { error: "access_denied", error_description: "The person cancelled the identification." },
      { mergeWithLastSubmission: false },
    );
    ctx.status = 303;
    ctx.redirect(returnTo);
    return;
  }
  ctx.type = "html";
  ctx.body = loginPage(new URL(provider.issuer).pathname.replace(/\/$/, ""), details.uid);
}

function loginPage(mountPath: string, uid: string): string {
  const e = escapeHtml;
  const action = (suffix: string) => e(`${mountPath}/interaction/${uid}/${suffix}`);
  const people = TEST_IDENTITIES.map(
    (identity) => `<li><button type="submit" name="identity" value="${e(identity.sub)}">
        <strong>${e(identity.name)}</strong><span>born ${e(identity.birthdate)}</span></button></li>`,
  ).join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(TEST_PROVIDER_LABEL)} — choose an identity</title>
<style>
 body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;background:#fef3c7;color:#111827}
 main{max-width:28rem;margin:3rem auto;padding:1.5rem;background:#fff;border:2px dashed #b45309;border-radius:.75rem}
 .badge{display:inline-block;padding:.2rem .6rem;border-radius:999px;background:#b45309;color:#fff;font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em}
 h1{font-size:1.3rem;margin:.75rem 0 .25rem} p{color:#4b5563;font-size:.9rem}
 ul{list-style:none;padding:0;margin:1rem 0;display:grid;gap:.5rem}
 button{width:100%;display:flex;justify-content:space-between;gap:1rem;padding:.75rem 1rem;border:1px solid #d1d5db;border-radius:.5rem;background:#fff;font:inherit;cursor:pointer;text-align:left}
 button:hover,button:focus-visible{border-color:#b45309;outline:2px solid #f59e0b;outline-offset:1px}
 button span{color:#6b7280;font-size:.85rem} .cancel{justify-content:center;background:#f9fafb}
</style></head>
<body><main>
 <span class="badge">${e(TEST_PROVIDER_LABEL)}</span>
 <h1>Choose a test identity</h1>
 <p>This is the built-in test identity provider: it verifies nobody. Configure a real OpenID Connect provider (such as itsme) with IDENTITY_ISSUER_URL for real identification.</p>
 <form method="post" action="${action("login")}"><ul>${people}</ul></form>
 <form method="post" action="${action("abort")}"><button type="submit" class="cancel">Cancel</button></form>
</main></body></html>`;
}

/**
 * Serves a provider on a loopback port, mounted at its issuer's path (the way
 * Express's app.use(path, …) does: oidc-provider reads req.originalUrl to
 * build its URLs). Port 0 picks a free one.
 */
export async function startTestProviderServer(options: TestProviderOptions, port = 0): Promise<{ server: http.Server; port: number; provider: Provider }> {
  const provider = createTestProvider(options);
  const mountPath = new URL(options.issuer).pathname.replace(/\/$/, "");
  const handler = provider.callback();
  const server = http.createServer((req, res) => {
    const url = req.url ?? "/";
    if (mountPath && url !== mountPath && !url.startsWith(`${mountPath}/`) && !url.startsWith(`${mountPath}?`)) {
      res.statusCode = 404;
      res.end("Not found");
      return;
    }
    (req as http.IncomingMessage & { originalUrl?: string }).originalUrl = url;
    req.url = url.slice(mountPath.length) || "/";
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port, provider };
}
