// Client addresses as the tracker receives them, parsed once (ipaddr.js) into
// what the range index compares (IPv4 as a 32-bit number, IPv6 as two 64-bit
// halves) and truncated to the network once a visit is processed.
import ipaddr from "ipaddr.js";

export type ParsedAddress = { version: 4; v4: number } | { version: 6; hi: bigint; lo: bigint };

function bytesToBigInt(bytes: number[]): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

function parse(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const trimmed = text.trim().replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(trimmed)) return null;
  const address = ipaddr.parse(trimmed);
  // "::ffff:1.2.3.4" (how a dual-stack socket reports an IPv4 client) is that IPv4 address.
  return address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address;
}

export function parseAddress(text: string): ParsedAddress | null {
  const address = parse(text);
  if (!address) return null;
  const bytes = address.toByteArray();
  if (address.kind() === "ipv4") return { version: 4, v4: ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0 };
  const value = bytesToBigInt(bytes);
  return { version: 6, hi: value >> 64n, lo: value & ((1n << 64n) - 1n) };
}

/** The canonical text of an address ("::ffff:1.2.3.4" → "1.2.3.4"), or null when it is not one. */
export function normalizeAddress(text: string): string | null {
  return parse(text)?.toString() ?? null;
}

/** Addresses that can never name an organisation: private, loopback, link-local, reserved… */
export function isPublicAddress(text: string): boolean {
  const address = parse(text);
  return address !== null && address.range() === "unicast";
}

export const IPV4_NETWORK_BITS = 24;
export const IPV6_NETWORK_BITS = 48;

/**
 * What is kept of an address after processing: its /24 (IPv4) or /48 (IPv6)
 * network — enough to say which organisation visited, not which person.
 */
export function truncateToNetwork(text: string): string | null {
  const address = parse(text);
  if (!address) return null;
  const bits = address.kind() === "ipv4" ? IPV4_NETWORK_BITS : IPV6_NETWORK_BITS;
  const bytes = address.toByteArray();
  for (let bit = bits; bit < bytes.length * 8; bit++) bytes[bit >> 3] &= ~(0x80 >> (bit & 7));
  return `${ipaddr.fromByteArray(bytes).toString()}/${bits}`;
}
