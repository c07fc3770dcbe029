// The app's HTTP server process: Next.js behind lib/http/serve-next.ts.
// `npm run dev` / `npm start` (lib/cli/serve.ts) start it once the database
// is ready, with DATABASE_URL and the session secret in its environment; the
// test harness starts it the same way (tests/support/app-server.ts).
//   node --import tsx lib/cli/next-server.ts dev|start
// Runs without the react-server condition: Next loads its own React.
import path from "node:path";

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  const { cliTranslator } = await import("./locale");
  console.error(cliTranslator("serve")("usage", { command: "next-server.ts" }));
  process.exit(2);
}
// Before Next (and React) are loaded: they choose their builds from NODE_ENV.
(process.env as Record<string, string>).NODE_ENV = mode === "dev" ? "development" : "production";
// tsx (which runs this file) turns on Node's source maps; with them on, Next
// maps every logged server error through its multi-megabyte chunk maps
// synchronously — seconds of a blocked event loop per error, for every user,
// exactly when errors come in bursts (the database going away). `next start`
// runs without them; so does this in production.
if (mode === "start") process.setSourceMapsEnabled(false);

const { env, requireDatabaseUrl } = await import("../env");
const { serveNext } = await import("../http/serve-next");
// After NODE_ENV too: the catalogue's translator is next-intl's, which loads React.
const t = (await import("./locale")).cliTranslator("serve");
const config = env();
const server = await serveNext({
  dev: mode === "dev",
  dir: path.resolve(import.meta.dirname, "../.."),
  port: config.PORT,
  trustProxyHops: config.TRUST_PROXY_HOPS,
  databaseUrl: requireDatabaseUrl(),
});
console.log(t("ready", { url: config.APP_URL, mode, port: String(config.PORT) }));

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    const forced = setTimeout(() => process.exit(0), 5000);
    forced.unref();
    void server.close().finally(() => process.exit(0));
  });
}
