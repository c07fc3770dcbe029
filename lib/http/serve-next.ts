// The app's HTTP server: Next.js (`next({ dev, dir })` + getRequestHandler())
// behind a thin node:http layer that does what only the socket level can do.
//
//   serveNext({ dev, dir, port, hostname?, trustProxyHops, databaseUrl }) → { url, close() }
//
// Per request, before Next sees it:
//   1. the client address: any incoming copy of CLIENT_ADDRESS_HEADER is dropped
//      and the header is set from the socket and TRUST_PROXY_HOPS
//      (lib/http/client-address.ts says why Next's X-Forwarded-For cannot be used);
//   2. a path that cannot be percent-decoded is a 400, not Next's bare 500;
//      anonymous endpoints' body limits, from the headers alone (lib/http/body-limit.ts);
//   3. while PostgreSQL is known to be down (lib/db/availability.ts), a 503
//      without running any page — the database is probed at most once a second,
//      and requests flow again as soon as it answers;
//   4. a 500 that Next produces because the database went away mid-request is
//      answered as that same 503.
// Used by `npm run dev` / `npm start` (lib/cli/serve.ts → lib/cli/next-server.ts)
// and by the test harness, so tests exercise the same layer users get.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import { databaseUnavailable, probeDatabase } from "@/lib/db/availability";
import { succeeds } from "@/lib/errors";
import { anonymousBodyLimit, checkDeclaredLength } from "./body-limit";
import { CLIENT_ADDRESS_HEADER, markClientAddressTrusted, resolveClientAddress } from "./client-address";
import { DEFAULT_LOCALE, preferredLocale } from "@/lib/i18n/locales";
import { errorAnswer, requestShape, type ErrorAnswer, type ErrorPageKind } from "./error-pages";

export interface ServeOptions {
  dev: boolean;
  dir: string;
  port: number;
  hostname?: string;
  trustProxyHops: number;
  databaseUrl: string;
}

function pathnameOf(req: IncomingMessage): string {
  const raw = req.url ?? "/";
  const end = raw.search(/[?#]/);
  return end === -1 ? raw : raw.slice(0, end);
}

function send(res: ServerResponse, answer: ErrorAnswer, closeConnection = false) {
  res.writeHead(answer.status, { ...answer.headers, "Content-Length": Buffer.byteLength(answer.body), ...(closeConnection ? { Connection: "close" } : {}) });
  res.end(answer.body);
}

function answerFor(req: IncomingMessage, kind: ErrorPageKind, extra?: { limitBytes?: number }) {
  const locale = preferredLocale({ cookie: req.headers.cookie, acceptLanguage: req.headers["accept-language"] }) ?? DEFAULT_LOCALE;
  return errorAnswer(kind, requestShape(pathnameOf(req), req.headers), extra, locale);
}

/**
 * Replaces a 5xx that Next is about to send with the "temporarily unavailable"
 * answer when, by then, the database is known to be down (the page failed
 * because a query could not reach it). Next's own body is dropped.
 */
function divertOutageErrors(req: IncomingMessage, res: ServerResponse) {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  let diverted = false;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    if (diverted) return res;
    if (status >= 500 && status !== 503 && databaseUnavailable()) {
      diverted = true;
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      const answer = answerFor(req, "unavailable");
      writeHead(answer.status, { ...answer.headers, "Content-Length": Buffer.byteLength(answer.body) });
      end(answer.body);
      return res;
    }
    return writeHead(status, ...rest);
  }) as ServerResponse["writeHead"];
  // Headers are written on the first write or end; decide before Node does it implicitly.
  res.write = ((...args: unknown[]) => {
    if (!res.headersSent && !diverted) res.writeHead(res.statusCode);
    return diverted ? true : write(...args);
  }) as ServerResponse["write"];
  res.end = ((...args: unknown[]) => {
    if (!res.headersSent && !diverted) res.writeHead(res.statusCode);
    if (diverted) {
      const callback = args.find((arg) => typeof arg === "function") as (() => void) | undefined;
      callback?.();
      return res;
    }
    return end(...args);
  }) as ServerResponse["end"];
}

export async function serveNext(options: ServeOptions): Promise<{ url: string; close(): Promise<void> }> {
  markClientAddressTrusted();
  const app = next({ dev: options.dev, dir: options.dir, hostname: options.hostname ?? "localhost", port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = createServer(async (req, res) => {
    delete req.headers[CLIENT_ADDRESS_HEADER];
    const address = resolveClientAddress(req.socket.remoteAddress, headerText(req.headers["x-forwarded-for"]), options.trustProxyHops);
    if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;

    const pathname = pathnameOf(req);
    // Next answers a path it cannot percent-decode ("/s/%ZZ") with a bare 500 (it looks for a /400 page the
    // App Router does not have): say what is wrong instead.
    if (!decodable(pathname)) return send(res, answerFor(req, "bad-address"));
    const limit = anonymousBodyLimit(req.method, pathname);
    if (limit !== null) {
      const verdict = checkDeclaredLength(req.headers, limit);
      // The body is never read: closing the connection is what stops the upload.
      if (verdict !== "ok") return send(res, answerFor(req, verdict, { limitBytes: limit }), true);
    }

    // Next's own files (scripts, styles, images) need no database.
    if (!pathname.startsWith("/_next/") && databaseUnavailable() && !(await probeDatabase(options.databaseUrl))) {
      return send(res, answerFor(req, "unavailable"));
    }

    divertOutageErrors(req, res);
    try {
      await handle(req, res);
    } catch (error) {
      console.error("[http] request failed:", error);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end("Internal Server Error");
      }
    }
  });
  // Idle keep-alive connections outlive a load balancer's (commonly 60 s) and a
  // client's own, so the client side always closes first: a server closing an
  // idle socket just as it is reused shows up as ECONNRESET.
  server.keepAliveTimeout = 65_000;
  // Slow clients cannot hold sockets forever; the header wait outlasts the
  // keep-alive wait, so a reused socket is never cut while its headers arrive.
  server.headersTimeout = 66_000;
  server.requestTimeout = 300_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.hostname ?? "localhost"}:${port}`,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await app.close();
    },
  };
}

const decodable = (pathname: string) => succeeds(() => decodeURIComponent(pathname));

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(",") : value;
}
