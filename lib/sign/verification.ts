import "server-only";
import { pool, prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { localeOr } from "@/lib/i18n/locales";
import { authorizationUrl, exchangeCallback, newLoginChecks } from "@/lib/identity/client";
import { identityProviderConfig } from "@/lib/identity/config";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { InsufficientCreditsError } from "@/lib/iap/errors";
import { reserve, capture, release } from "@/lib/iap/holds";
import { creditsToUnits } from "@/lib/iap/units";
import { queueEmail } from "@/lib/mail/outbox";
import { verificationUnavailableEmail } from "./emails";
import { namesMatch } from "./names";
import { CREDITS_PER_VERIFICATION } from "./requests";
import { hashToken, looksLikeToken } from "./tokens";
import { buyCreditsPath } from "@/lib/routes";
import { SERVICES } from "@/lib/iap/catalogue";

// "Verify my identity": an OpenID Connect login per attempt (IdentityLogin:
// state, nonce, PKCE verifier, bound to the signer, used once). Credits follow
// the login: 1 credit is held on the requester's company when the signer starts,
// captured when verified claims come back, released on any failure or cancel.
// An abandoned login's hold expires with the hold sweep job ("credits.expire-holds").

/** How long the signer has to finish at the provider. Shorter than the hold's life, so a capture never finds it expired. */
export const LOGIN_TTL_SECONDS = 10 * 60;
/**
 * Why a verification cannot start, as the signer is told it (messages
 * sign.errors.verification.<code>). "unavailable" (no credits left) never
 * mentions billing to the signer: the requester gets the e-mail about it.
 */
export type VerificationRefusal = "link-invalid" | "nothing-to-verify" | "identity-off" | "unavailable" | "provider-down";

export type StartResult =
  | { ok: true; url: string; loginId: number }
  | { ok: false; reason: "unavailable" | "provider" | "not-allowed"; code: VerificationRefusal };

export async function startVerification(token: string, now = new Date()): Promise<StartResult> {
  const signer = looksLikeToken(token)
    ? await prisma().signer.findUnique({
        where: { tokenHash: hashToken(token) },
        select: { id: true, name: true, status: true, requireVerification: true, tokenExpiresAt: true, verifiedAt: true, request: { select: { id: true, companyId: true, requesterId: true, title: true, state: true } } },
      })
    : null;
  if (!signer || signer.tokenExpiresAt <= now) return { ok: false, reason: "not-allowed", code: "link-invalid" };
  if (signer.request.state !== "SENT" || signer.status !== "SENT" || !signer.requireVerification || signer.verifiedAt) {
    return { ok: false, reason: "not-allowed", code: "nothing-to-verify" };
  }
  // A request sent with verification while a provider was configured, opened after it was removed.
  if (!identityProviderConfig()) return { ok: false, reason: "provider", code: "identity-off" };

  // One verification at a time per signer: a new click supersedes (and frees
  // the credits of) an attempt left unfinished, so repeated clicks cannot tie
  // up the requester's credits.
  const { rows: superseded } = await pool().query(
    `UPDATE identity_login SET status = 'FAILED', error = 'Superseded by a new attempt', used_at = COALESCE(used_at, now())
      WHERE signer_id = $1 AND status = 'PENDING' RETURNING hold_id, account_id`,
    [signer.id],
  );
  for (const row of superseded) await releaseHoldOf(row);

  const account = await getOrCreateAccount(signer.request.companyId, SERVICES.signerIdentification);
  const checks = newLoginChecks();
  const login = await prisma().identityLogin.create({
    data: { signerId: signer.id, ...checks, accountId: account.id, expiresAt: new Date(now.getTime() + LOGIN_TTL_SECONDS * 1000) },
  });
  try {
    const hold = await reserve(account, creditsToUnits(CREDITS_PER_VERIFICATION, account.service.decimals), {
      description: `Signer identification: ${signer.name} (${signer.request.title})`,
      wording: { code: "signerIdentification", params: { signer: signer.name, request: signer.request.title } },
      reference: `sign:${signer.request.id}:signer:${signer.id}`,
      idempotencyKey: `identity-login:${login.id}`,
    });
    await prisma().identityLogin.update({ where: { id: login.id }, data: { holdId: hold.id } });
  } catch (error) {
    if (!(error instanceof InsufficientCreditsError)) throw error;
    await failLogin(login.id, "Not enough credits on the requester's company");
    await notifyNoCredits(signer);
    return { ok: false, reason: "unavailable", code: "unavailable" };
  }
  try {
    const url = await authorizationUrl(checks);
    return { ok: true, url: url.href, loginId: login.id };
  } catch (error) {
    console.error("[sign] identity provider unreachable:", (error as Error).message);
    await failLogin(login.id, `Identity provider unreachable: ${(error as Error).message}`);
    return { ok: false, reason: "provider", code: "provider-down" };
  }
}

// The signer never sees billing; the requester gets one e-mail per signer.
async function notifyNoCredits(signer: { id: number; name: string; request: { id: number; companyId: number; requesterId: number; title: string } }) {
  const requester = await prisma().user.findUnique({ where: { id: signer.request.requesterId }, select: { email: true, locale: true, company: { select: { locale: true } } } });
  if (!requester) return;
  const account = await getOrCreateAccount(signer.request.companyId, SERVICES.signerIdentification);
  await queueEmail({
    companyId: signer.request.companyId,
    to: requester.email,
    dedupeKey: `sign:no-credits:${signer.id}`,
    ...verificationUnavailableEmail({
      locale: localeOr(requester.locale ?? requester.company.locale),
      title: signer.request.title,
      signerName: signer.name,
      requestUrl: `${env().APP_URL}/sign/${signer.request.id}`,
      serviceName: account.service.name,
      buyUrl: env().APP_URL + buyCreditsPath(SERVICES.signerIdentification),
    }),
  });
}

/** Marks a login failed and frees its credits (once: a resolved hold stays resolved). */
async function failLogin(loginId: number, error: string) {
  const { rows } = await pool().query(
    `UPDATE identity_login SET status = 'FAILED', error = $2, used_at = COALESCE(used_at, now())
      WHERE id = $1 AND status = 'PENDING' RETURNING hold_id, account_id`,
    [loginId, error.slice(0, 500)],
  );
  await releaseHoldOf(rows[0]);
}

async function releaseHoldOf(row: { hold_id: number | null; account_id: number | null } | undefined) {
  if (!row?.hold_id || !row.account_id) return;
  await release({ id: row.hold_id, account: await identityAccount(row.account_id) });
}

async function identityAccount(accountId: number) {
  const { rows } = await pool().query("SELECT company_id FROM iap_account WHERE id = $1", [accountId]);
  return getOrCreateAccount(rows[0].company_id, SERVICES.signerIdentification);
}

export type CompleteResult =
  | { ok: true; nameMismatch: boolean }
  | { ok: false; reason: "cancelled" | "failed" | "used" };

/**
 * The provider sent the signer back to the callback. The login is consumed
 * first (a replayed callback finds it used and does nothing); then
 * openid-client checks state, nonce and PKCE and we read the claims. Success
 * records them on the signer and captures the credit; anything else releases it.
 */
export async function completeVerification(loginId: number, token: string, callbackUrl: URL, now = new Date()): Promise<CompleteResult> {
  if (!looksLikeToken(token)) return { ok: false, reason: "used" };
  const { rows } = await pool().query(
    `UPDATE identity_login l SET used_at = $3
       FROM signer s
      WHERE l.id = $1 AND l.signer_id = s.id AND s.token_hash = $2 AND l.used_at IS NULL AND l.status = 'PENDING'
      RETURNING l.id, l.signer_id, l.state, l.nonce, l.code_verifier, l.hold_id, l.account_id, l.expires_at, s.name`,
    [loginId, hashToken(token), now],
  );
  const login = rows[0];
  if (!login) return { ok: false, reason: "used" };

  // The signer reads the outcome on the signing page (?verification=<reason>); `detail` is for the operator.
  const fail = async (reason: "cancelled" | "failed", detail: string): Promise<CompleteResult> => {
    await pool().query("UPDATE identity_login SET status = 'FAILED', error = $2 WHERE id = $1", [login.id, detail.slice(0, 500)]);
    await releaseHoldOf(login);
    return { ok: false, reason };
  };

  if (login.expires_at <= now) return fail("failed", "Login expired");
  const providerError = callbackUrl.searchParams.get("error");
  if (providerError) {
    const cancelled = providerError === "access_denied";
    return fail(cancelled ? "cancelled" : "failed", `Provider answered ${providerError}: ${callbackUrl.searchParams.get("error_description") ?? ""}`);
  }

  const provider = identityProviderConfig();
  if (!provider) return fail("failed", "No identity provider is configured");
  let claims;
  try {
    claims = await exchangeCallback(callbackUrl, { state: login.state, nonce: login.nonce, codeVerifier: login.code_verifier }, provider);
  } catch (error) {
    return fail("failed", (error as Error).message);
  }

  const nameMismatch = !namesMatch(login.name, claims.name);
  const updated = await prisma().signer.updateMany({
    where: { id: login.signer_id, status: "SENT", verifiedAt: null },
    data: {
      status: "VERIFIED",
      verifiedProvider: provider.label,
      verifiedIssuer: claims.issuer,
      verifiedSubject: claims.subject,
      verifiedName: claims.name,
      verifiedBirthdate: claims.birthdate,
      verifiedAt: now,
      nameMismatch,
    },
  });
  if (updated.count === 0) {
    // Verified meanwhile through another attempt (two tabs): that one paid.
    return fail("failed", "Signer already verified by another login");
  }
  if (login.hold_id) {
    const account = await identityAccount(login.account_id);
    await capture({ id: login.hold_id, account }, creditsToUnits(CREDITS_PER_VERIFICATION, account.service.decimals), {
      description: `Signer identification: ${login.name} verified as ${claims.name}`,
      wording: { code: "signerVerified", params: { signer: login.name, verifiedAs: claims.name } },
    });
  }
  await pool().query("UPDATE identity_login SET status = 'SUCCEEDED' WHERE id = $1", [login.id]);
  return { ok: true, nameMismatch };
}

// The browser that started a login carries it back to the callback in an
// httpOnly cookie (login id + the signing token, which that browser already
// has in its address bar): the callback needs no other state, and a callback
// URL opened in another browser finds no login to complete.
export const LOGIN_COOKIE = "sign_identity_login";

export function loginCookieValue(loginId: number, token: string): string {
  return `${loginId}.${token}`;
}

export function parseLoginCookie(value: string | undefined): { loginId: number; token: string } | null {
  const match = /^(\d{1,10})\.([A-Za-z0-9_-]{43})$/.exec(value ?? "");
  return match ? { loginId: Number(match[1]), token: match[2] } : null;
}
