import "server-only";
import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from "request-filtering-agent";
import { env } from "@/lib/env";

// Webhook URLs are typed by company admins and fetched by our server: without
// a guard, an endpoint such as http://169.254.169.254/ or http://10.0.0.5/
// would make us probe the network we run in (SSRF). Checked twice: when the
// URL is saved (a clear error for the admin), and on every delivery, at the
// connection itself (request-filtering-agent checks the address DNS gave, so a
// name that later resolves to a private address is still refused).
// WEBHOOK_ALLOW_PRIVATE_URLS=1 lifts it (tests; a receiver on the same host).

export type UrlProblem = "invalid" | "scheme" | "credentials" | "private_address" | "unresolvable";

const LOCAL_NAMES = /(^|\.)(localhost|local|internal|localdomain|home\.arpa)$/i;

function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // ::ffff:10.0.0.1 is 10.0.0.1.
  return ipaddr.process(address).range() === "unicast";
}

export function allowPrivateUrls(): boolean {
  return env().WEBHOOK_ALLOW_PRIVATE_URLS;
}

/** What is wrong with a URL before it is saved, or null. Resolves its host name. */
export async function checkEndpointUrl(text: string, allowPrivate = allowPrivateUrls()): Promise<UrlProblem | null> {
  if (!URL.canParse(text)) return "invalid";
  const url = new URL(text);
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:")) return "scheme";
  if (url.username || url.password) return "credentials";
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(host)) return isPublicAddress(host) ? null : "private_address";
  if (LOCAL_NAMES.test(host) || !host.includes(".")) return "private_address";
  try {
    const addresses = await lookup(host, { all: true });
    return addresses.every(({ address }) => isPublicAddress(address)) ? null : "private_address";
  } catch {
    return "unresolvable";
  }
}

const agents = { http: undefined as RequestFilteringHttpAgent | undefined, https: undefined as RequestFilteringHttpsAgent | undefined };

/** The agent of delivery requests: refuses non-public addresses at connect time unless allowed. */
export function deliveryAgent(protocol: "http:" | "https:") {
  const options = { allowPrivateIPAddress: allowPrivateUrls(), allowMetaIPAddress: false, keepAlive: false };
  if (protocol === "https:") return (agents.https ??= new RequestFilteringHttpsAgent(options));
  return (agents.http ??= new RequestFilteringHttpAgent(options));
}
