// The client's IP address, for everything that records or limits by address
// (sign-in throttle, autocomplete and signing-page limits, the signer's IP on
// the audit page).
//
//   clientAddress(headers)        → "203.0.113.7" | null, in route handlers, server actions, pages, next-auth
//   resolveClientAddress(socket, xForwardedFor, trustedHops) → the address (pure; the HTTP server uses it)
//   CLIENT_ADDRESS_HEADER          the private request header our HTTP server sets
//   markClientAddressTrusted()     called once by our HTTP server (lib/http/serve-next.ts)
//
// Why a private header: Next's own server only fills X-Forwarded-For when the
// request has none (`??=`), so a header the client typed reaches route
// handlers unchanged and they never see the socket's address. Our HTTP server
// (`npm start`, `npm run dev`, the test harness) strips any incoming copy of the
// private header and sets it from the socket address and TRUST_PROXY_HOPS, and
// marks the process so that the header is believed. Served any other way (plain
// `next start`, a platform), the header is not believed: with TRUST_PROXY_HOPS
// > 0 the address comes from X-Forwarded-For, otherwise it is unknown (null).
import { isIP } from "node:net";
import { env } from "@/lib/env";

export const CLIENT_ADDRESS_HEADER = "x-iap-client-address";

const TRUSTED = Symbol.for("iap.client-address-trusted");
const processState = globalThis as unknown as { [TRUSTED]?: boolean };

export function markClientAddressTrusted() {
  processState[TRUSTED] = true;
}

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === "function") return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/** "::ffff:192.0.2.1" → "192.0.2.1"; anything that is not an IP address → null. */
export function normalizeAddress(value: string | undefined | null): string | null {
  if (!value) return null;
  let address = value.trim();
  if (address.startsWith("[") && address.includes("]")) address = address.slice(1, address.indexOf("]"));
  if (address.toLowerCase().startsWith("::ffff:") && isIP(address.slice(7)) === 4) address = address.slice(7);
  return isIP(address) ? address.toLowerCase() : null;
}

/**
 * The address `trustedHops` proxies back from the socket: 0 → the socket's
 * own address; 1 → the last X-Forwarded-For entry (added by the one proxy we
 * trust); and so on. Entries a client added in front are never reached. A hop
 * that is not an IP address (a misconfigured proxy) falls back to the nearest
 * trusted one.
 */
export function resolveClientAddress(socketAddress: string | undefined, xForwardedFor: string | undefined, trustedHops: number): string | null {
  const socket = normalizeAddress(socketAddress);
  if (trustedHops <= 0 || !xForwardedFor) return socket;
  const hops = xForwardedFor.split(",").map((entry) => entry.trim()).filter(Boolean);
  const chain = [...hops, socketAddress ?? ""];
  const index = Math.max(0, chain.length - 1 - trustedHops);
  for (let i = index; i < chain.length; i++) {
    const address = normalizeAddress(chain[i]);
    if (address) return address;
  }
  return socket;
}

/** The calling client's address, or null when it cannot be known (see above). */
export function clientAddress(headers: HeaderSource): string | null {
  if (processState[TRUSTED]) return normalizeAddress(header(headers, CLIENT_ADDRESS_HEADER));
  const trustedHops = env().TRUST_PROXY_HOPS;
  if (trustedHops > 0) {
    // No socket here: the nearest proxy's own entry is the last one it appended.
    const forwarded = header(headers, "x-forwarded-for");
    return forwarded ? resolveClientAddress(forwarded.split(",").pop(), forwarded.split(",").slice(0, -1).join(","), trustedHops - 1) : null;
  }
  return null;
}
