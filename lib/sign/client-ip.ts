// The signer's IP address for the audit page: the first hop of
// X-Forwarded-For (set by Next's server, or by the reverse proxy in front of it).
export function clientIp(headers: { get(name: string): string | null }): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip")?.trim() || null;
  return ip ? ip.replace(/^::ffff:/, "").slice(0, 64) : null;
}
