import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { ConfigError, env } from "@/lib/env";

// Authenticated encryption (AES-256-GCM) of a short secret kept in the
// database — an e-mail's secret link until it is delivered — with a key
// derived from NEXTAUTH_SECRET (HKDF-SHA256, one key per purpose). A copy of
// the database alone opens nothing; changing NEXTAUTH_SECRET makes what was
// sealed before unreadable (open() returns null), never readable by others.

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type SealPurpose = "outbox-link";

function keyFor(purpose: SealPurpose, secret: string | undefined): Buffer {
  if (!secret) throw new ConfigError("NEXTAUTH_SECRET is not set: secret links cannot be sealed or opened.");
  return Buffer.from(hkdfSync("sha256", secret, "iap-credits/seal", purpose, 32));
}

export function seal(purpose: SealPurpose, plaintext: string, secret = env().NEXTAUTH_SECRET): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyFor(purpose, secret), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url")}`;
}

/** The sealed text, or null when it was sealed under another secret or altered. */
export function open(purpose: SealPurpose, sealed: string, secret = env().NEXTAUTH_SECRET): string | null {
  const [version, payload] = sealed.split(".");
  if (version !== VERSION || !payload) return null;
  const bytes = Buffer.from(payload, "base64url");
  if (bytes.length < IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFor(purpose, secret), bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
