import { createHmac, randomBytes } from "node:crypto";

// Each delivery carries `X-IAP-Signature: t=<unix seconds>,v1=<hex>`, where
// v1 = HMAC-SHA256(endpoint secret, `${t}.${body}`). Signing the timestamp
// with the body lets a receiver refuse old replays (e.g. older than 5 minutes).

export const SIGNATURE_HEADER = "X-IAP-Signature";

export function newSigningSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

export function signatureHeader(secret: string, body: string, timestampSeconds: number): string {
  const v1 = createHmac("sha256", secret).update(`${timestampSeconds}.${body}`).digest("hex");
  return `t=${timestampSeconds},v1=${v1}`;
}
