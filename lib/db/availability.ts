// Whether PostgreSQL can be reached right now, as this process last saw it.
//
//   reportConnectionError(error, where) → true when `error` means "the server is gone" (then logged, marked down)
//   reportConnected()                   → a new connection worked: marked up
//   databaseUnavailable()               → the last thing seen was an outage
//   probeDatabase(url)                  → one cheap connection attempt (single-flight, at most one a second)
//   isConnectionError(error)            → refused, reset, terminated by the server, shutting down…
//
// The pool (lib/db/client.ts) reports what it sees; the HTTP server
// (lib/http/serve-next.ts) answers 503 while the database is down and probes
// it before letting requests through again. The state lives on globalThis
// because the HTTP server and Next's compiled server code each load their own
// copy of this module in the same process.
import pg from "pg";

interface State {
  down: boolean;
  since: number;
  lastProbe: number;
  probing: Promise<boolean> | null;
}

const KEY = Symbol.for("iap.database-availability");
const holder = globalThis as unknown as { [KEY]?: State };
const state = (holder[KEY] ??= { down: false, since: 0, lastProbe: 0, probing: null });

/** While the database is down, one probe a second at most: requests in between get the last answer. */
const PROBE_INTERVAL_MS = 1000;
const PROBE_TIMEOUT_MS = 2000;

// SQLSTATE class 08 (connection exception) and 57P0x (the server is shutting down, crashed, or not up yet).
const CONNECTION_SQLSTATES = /^(08\d{3}|57P0[1-4])$/;
const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);
const CONNECTION_MESSAGES = /Connection terminated|terminating connection|Client has encountered a connection error|Connection ended unexpectedly|the database system is (starting up|shutting down)/i;

export function isConnectionError(error: unknown): boolean {
  for (let cause = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown } | undefined, depth = 0; cause && depth < 5; depth++) {
    const code = typeof cause.code === "string" ? cause.code : "";
    if (CONNECTION_CODES.has(code) || CONNECTION_SQLSTATES.test(code)) return true;
    if (typeof cause.message === "string" && CONNECTION_MESSAGES.test(cause.message)) return true;
    // AggregateError from a dual-stack connect (127.0.0.1 and ::1 both refused).
    if (Array.isArray(cause.errors) && cause.errors.some((inner) => isConnectionError(inner))) return true;
    cause = cause.cause as typeof cause;
  }
  return false;
}

export function reportConnectionError(error: unknown, where: string): boolean {
  if (!isConnectionError(error)) return false;
  if (!state.down) {
    state.down = true;
    state.since = Date.now();
    console.error(`[db] PostgreSQL is unreachable (${where}): ${(error as Error)?.message ?? error}. Answering 503 until it is back.`);
  }
  return true;
}

export function reportConnected() {
  if (!state.down) return;
  console.log(`[db] PostgreSQL is reachable again after ${((Date.now() - state.since) / 1000).toFixed(1)} s.`);
  state.down = false;
}

export function databaseUnavailable(): boolean {
  return state.down;
}

/** Up or down, by opening (and closing) one connection. Concurrent callers share one attempt. */
export function probeDatabase(url: string): Promise<boolean> {
  if (state.probing) return state.probing;
  if (Date.now() - state.lastProbe < PROBE_INTERVAL_MS) return Promise.resolve(!state.down);
  state.lastProbe = Date.now();
  state.probing = (async () => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
    // A probe's client that loses its connection must not take the process down either.
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("SELECT 1");
      reportConnected();
      return true;
    } catch (error) {
      if (!reportConnectionError(error, "probe")) console.error("[db] database probe failed:", error);
      return false;
    } finally {
      state.probing = null;
      await client.end().catch(() => {});
    }
  })();
  return state.probing;
}
