import { createHash } from "node:crypto";
import { hashToken, looksLikeToken, newSecretToken } from "@/lib/secrets/tokens";

// A signing link carries a random token; only its SHA-256 is stored (lib/secrets/tokens.ts).
export { hashToken, looksLikeToken, newSecretToken as newSigningToken };

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
