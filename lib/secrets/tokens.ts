import { createHash, randomBytes } from "node:crypto";

// Secret links (invitation, password reset, signing) carry a random 256-bit
// token; only its SHA-256 is stored, so a copy of the database hands out no
// working link. A plain hash is enough (no salt, no slow hash): the token is
// random, not a password, so there is nothing to guess from its hash.

export function newSecretToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Tokens are 43 base64url characters; anything else is not worth a query. */
export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
