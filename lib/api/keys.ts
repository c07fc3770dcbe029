import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { pool } from "@/lib/db/client";

// API keys: `iap_<prefix>_<secret>`. The prefix (12 hex characters, public)
// finds the row through a unique index; the secret (32 random bytes) is kept
// only as its SHA-256 and compared in constant time. A key is shown once, when
// it is created. A fast hash is right here (unlike passwords): the secret has
// 256 bits of entropy, so there is nothing to guess, and the check runs on
// every request.

export { API_SCOPES, type ApiScope } from "./keys-scopes";
import type { ApiScope } from "./keys-scopes";

export interface ApiKeyView {
  id: number;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Who is calling: what the routes scope every query by. */
export interface ApiCaller {
  keyId: number;
  companyId: number;
  name: string;
  scopes: ApiScope[];
}

const KEY_PATTERN = /^iap_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

function sha256(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

export function displayPrefix(prefix: string): string {
  return `iap_${prefix}_…`;
}

/** Creates a key and returns it in clear, the only time it exists outside the caller's hands. */
export async function createApiKey(input: { companyId: number; name: string; scopes: ApiScope[]; createdById?: number | null }): Promise<{ key: string; view: ApiKeyView }> {
  const prefix = randomBytes(6).toString("hex");
  const secret = randomBytes(32).toString("base64url");
  const { rows } = await pool().query(
    `INSERT INTO api_key (company_id, name, prefix, secret_hash, scopes, created_by_id)
     VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING id, name, prefix, scopes, created_at, last_used_at, revoked_at`,
    [input.companyId, input.name, prefix, sha256(secret).toString("hex"), [...new Set(input.scopes)], input.createdById ?? null],
  );
  return { key: `iap_${prefix}_${secret}`, view: toView(rows[0]) };
}

function toView(row: Record<string, unknown>): ApiKeyView {
  return {
    id: row.id as number,
    name: row.name as string,
    prefix: row.prefix as string,
    scopes: row.scopes as ApiScope[],
    createdAt: row.created_at as Date,
    lastUsedAt: (row.last_used_at as Date | null) ?? null,
    revokedAt: (row.revoked_at as Date | null) ?? null,
  };
}

export async function listApiKeys(companyId: number): Promise<ApiKeyView[]> {
  const { rows } = await pool().query(
    `SELECT id, name, prefix, scopes, created_at, last_used_at, revoked_at FROM api_key
      WHERE company_id = $1 ORDER BY revoked_at IS NOT NULL, created_at DESC, id DESC`,
    [companyId],
  );
  return rows.map(toView);
}

/** Revokes at once: the next request with this key is refused. False when it was not this company's, or already revoked. */
export async function revokeApiKey(companyId: number, keyId: number): Promise<boolean> {
  const { rowCount } = await pool().query("UPDATE api_key SET revoked_at = now() WHERE id = $1 AND company_id = $2 AND revoked_at IS NULL", [keyId, companyId]);
  return rowCount === 1;
}

// last_used_at is written at most once a minute per key and process: a write
// on every request would double the work of a read-only call.
const LAST_USED_EVERY_MS = 60_000;
const lastUsedWrites = new Map<number, number>();

function touch(keyId: number) {
  const now = Date.now();
  if (now - (lastUsedWrites.get(keyId) ?? 0) < LAST_USED_EVERY_MS) return;
  lastUsedWrites.set(keyId, now);
  pool()
    .query({ name: "api_key_touch", text: "UPDATE api_key SET last_used_at = now() WHERE id = $1", values: [keyId] })
    .catch((error: Error) => {
      lastUsedWrites.delete(keyId);
      console.error(`[api] could not record the use of API key ${keyId}: ${error.message}`);
    });
}

export type AuthenticationResult = { ok: true; caller: ApiCaller } | { ok: false; reason: "missing" | "malformed" | "unknown" | "revoked" };

/** Checks an Authorization header value. One indexed read per request; revocation applies at once. */
export async function authenticateApiKey(authorization: string | null): Promise<AuthenticationResult> {
  if (!authorization) return { ok: false, reason: "missing" };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  const parts = match ? KEY_PATTERN.exec(match[1]) : null;
  if (!parts) return { ok: false, reason: "malformed" };
  const [, prefix, secret] = parts;
  const { rows } = await pool().query({
    name: "api_key_by_prefix",
    text: "SELECT id, company_id, name, scopes, secret_hash, revoked_at FROM api_key WHERE prefix = $1",
    values: [prefix],
  });
  const row = rows[0];
  // Hash and compare even when no row matched, so a wrong prefix and a wrong
  // secret take the same time.
  const expected = Buffer.from(row?.secret_hash ?? "0".repeat(64), "hex");
  const matches = timingSafeEqual(sha256(secret), expected) && Boolean(row);
  if (!matches) return { ok: false, reason: "unknown" };
  if (row.revoked_at) return { ok: false, reason: "revoked" };
  touch(row.id);
  return { ok: true, caller: { keyId: row.id, companyId: row.company_id, name: row.name, scopes: row.scopes } };
}
