import { hash, verify } from "@node-rs/argon2";
import { verify as verifyBcrypt } from "@node-rs/bcrypt";

// Argon2id (OWASP's minimum: 19 MiB, 2 passes, 1 lane) through @node-rs/argon2,
// a native module shipped as an npm package for each platform (no compiler, no
// download): hashing runs on libuv's thread pool, so a sign-in never blocks the
// event loop that serves everyone else. Hashes made earlier with bcryptjs
// ($2a$/$2b$, cost 12) are still checked — natively too, with @node-rs/bcrypt —
// and are replaced by an Argon2id hash at the next successful sign-in.
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const CURRENT_PREFIX = `$argon2id$v=19$m=${ARGON2.memoryCost},t=${ARGON2.timeCost},p=${ARGON2.parallelism}$`;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  try {
    if (stored.startsWith("$argon2")) return await verify(stored, password);
    if (/^\$2[aby]\$\d\d\$/.test(stored)) return await verifyBcrypt(password, stored);
  } catch {
    // A malformed stored hash matches nothing.
  }
  return false;
}

/** True for a hash that should be replaced after a successful sign-in (bcrypt, or older Argon2 settings). */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(CURRENT_PREFIX);
}
