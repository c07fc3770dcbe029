// Plain-HTTP access to a running app, as a browser would reach it: sessions
// through next-auth's own endpoints, and server actions through their real
// entry point (a POST to a page with the `Next-Action` header, arguments
// encoded by React's own encodeReply), ids read from the build's manifest.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");
const require = createRequire(import.meta.url);
// React's client half of the server-action protocol, as Next ships it: the same encoder the browser uses.
const flightClient = require("next/dist/compiled/react-server-dom-webpack/client.edge.js") as {
  encodeReply(value: unknown[]): Promise<string | FormData>;
};

/** A cookie jar for one persona. */
export class Session {
  private readonly cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async fetch(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.header());
    const response = await fetch(new URL(pathname, this.baseUrl), { redirect: "manual", ...init, headers });
    this.remember(response);
    return response;
  }

  /** Signs in through next-auth's credentials endpoint; returns its HTTP status (200 signed in, 401 refused, 429 throttled). */
  async signIn(email: string, password: string, headers: Record<string, string> = {}): Promise<number> {
    const csrf = (await (await this.fetch("/api/auth/csrf", { headers })).json()) as { csrfToken: string };
    const response = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, email, password, json: "true" }).toString(),
    });
    await response.arrayBuffer();
    return response.status;
  }

  get signedIn(): boolean {
    return [...this.cookies.keys()].some((name) => name.endsWith("next-auth.session-token"));
  }
}

export interface ActionEntry {
  id: string;
  /** e.g. "app/(app)/contacts/[id]/actions.ts" */
  file: string;
  name: string;
  /** Route patterns of the pages whose forms can call it, e.g. "/contacts/[id]". */
  pages: string[];
}

/** Every server action of the build, from .next/server/server-reference-manifest.json. */
export function buildActions(): ActionEntry[] {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    file: entry.filename,
    name: entry.exportedName,
    pages: Object.keys(entry.workers).map(routeOfPage),
  }));
}

/** "app/(app)/contacts/[id]/page" → "/contacts/[id]" */
export function routeOfPage(file: string): string {
  const segments = file.replace(/^app\//, "").replace(/\/?(page|route)(\.tsx?)?$/, "").split("/").filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

export interface ActionAnswer {
  status: number;
  contentType: string;
  /** The action's return value, when it returned one. */
  result?: unknown;
  /** Where it redirected, when it called redirect(). */
  redirect?: string | null;
  /** An HTTP redirect before the action ran (the proxy sending a signed-out caller to sign-in). */
  location?: string | null;
  text: string;
}

/** Calls a server action the way a form on `pagePath` does. */
export async function callAction(session: Session, pagePath: string, actionId: string, args: unknown[], headers: Record<string, string> = {}): Promise<ActionAnswer> {
  const body = await flightClient.encodeReply(args);
  const response = await session.fetch(pagePath, {
    method: "POST",
    headers: {
      accept: "text/x-component",
      "next-action": actionId,
      ...(typeof body === "string" ? { "content-type": "text/plain;charset=UTF-8" } : {}),
      ...headers,
    },
    body,
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString("utf8");
  const contentType = response.headers.get("content-type") ?? "";
  const answer: ActionAnswer = { status: response.status, contentType, text, redirect: response.headers.get("x-action-redirect"), location: response.headers.get("location") };
  if (contentType.includes("text/x-component")) answer.result = actionResult(bytes);
  return answer;
}

/**
 * The rows of a React Flight response by id. Most rows are `<id>:<json>\n`; a
 * long string is outlined as a text row `<id>:T<hex byte length>,<text>` with
 * no newline after it (so a kept 5,000-character field would swallow the next
 * row if the stream were split on newlines). Text rows are returned as JSON
 * strings, so that a reference to them decodes like any other value.
 */
function flightRows(flight: Buffer): Map<string, string> {
  const rows = new Map<string, string>();
  let at = 0;
  while (at < flight.length) {
    const colon = flight.indexOf(":", at);
    if (colon < 0) break;
    const id = flight.toString("utf8", at, colon);
    if (flight[colon + 1] === 0x54 /* T */) {
      const comma = flight.indexOf(",", colon);
      const length = parseInt(flight.toString("utf8", colon + 2, comma), 16);
      rows.set(id, JSON.stringify(flight.toString("utf8", comma + 1, comma + 1 + length)));
      at = comma + 1 + length;
      continue;
    }
    const newline = flight.indexOf("\n", colon);
    const end = newline < 0 ? flight.length : newline;
    if (/^[0-9a-f]+$/.test(id)) rows.set(id, flight.toString("utf8", colon + 1, end));
    at = end + 1;
  }
  return rows;
}

/**
 * The action's return value from a React Flight response: row 0 is
 * `{"a":"$@<row>",…}`; that row holds the value (plain JSON, where "$undefined",
 * "$n…" (bigint), "$D…" (date) and "$<row>" references may appear).
 */
export function actionResult(flight: Buffer | string): unknown {
  const rows = flightRows(typeof flight === "string" ? Buffer.from(flight, "utf8") : flight);
  const decode = (raw: string | undefined, depth = 0): unknown => {
    if (raw === undefined || depth > 20) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return raw;
    }
    const revive = (item: unknown): unknown => {
      if (typeof item === "string" && item.startsWith("$")) {
        if (item === "$undefined") return undefined;
        if (item.startsWith("$n")) return BigInt(item.slice(2));
        if (item.startsWith("$D")) return new Date(item.slice(2));
        if (item.startsWith("$$")) return item.slice(1);
        const ref = item.match(/^\$@?([0-9a-f]+)$/);
        if (ref) return decode(rows.get(ref[1]), depth + 1);
        return item;
      }
      if (Array.isArray(item)) return item.map(revive);
      if (item && typeof item === "object") return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, revive(v)]));
      return item;
    };
    return revive(value);
  };
  const root = decode(rows.get("0")) as { a?: unknown } | undefined;
  return root && typeof root === "object" && "a" in root ? root.a : undefined;
}
