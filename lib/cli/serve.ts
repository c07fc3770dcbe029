// npm run dev / npm start: the app's own launcher. With nothing configured it
// starts the embedded PostgreSQL (data under DATA_DIR), applies migrations,
// loads the catalogue and — in demo mode only — the demo data (once), then
// runs the app's HTTP server (Next.js behind lib/http/serve-next.ts, in
// lib/cli/next-server.ts) with those settings and stops the database when it exits.
//
// Demo mode (DEMO) is on by default for `npm run dev` and off for `npm start`.
// Outside demo mode NEXTAUTH_SECRET must be set: the app refuses to start
// without it. In demo mode a secret generated once into DATA_DIR stands in.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { prisma, disconnectDb } from "../db/client";
import { env, missingSessionSecret, reloadEnv } from "../env";
import { seedDatabase } from "../seed";
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, DEMO_USER_EMAIL } from "../seed/demo";
import { openDatabase } from "./database";
import { cliTranslator } from "./locale";

// The banner speaks the terminal's language (LANG); configuration errors are lib/env's, in English.
const t = cliTranslator("serve");

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  console.error(t("usage", { command: "serve.ts" }));
  process.exit(2);
}

function sessionSecret(dataDir: string): string {
  const file = path.resolve(dataDir, "nextauth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

if (mode === "dev" && !process.env.DEMO?.trim()) {
  process.env.DEMO = "1";
  reloadEnv();
}
let config;
try {
  config = env();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const secretProblem = missingSessionSecret(config);
if (secretProblem) {
  console.error(t("cannotStart", { problem: secretProblem }));
  process.exit(1);
}

const started = Date.now();
const { url, server } = await openDatabase(config).then(
  (opened) => {
    if (opened.applied.length) console.log(t("migrationsApplied", { migrations: opened.applied.join(", ") }));
    return opened;
  },
  (error: Error) => {
    console.error(t("databaseFailed", { error: error.message }));
    process.exit(1);
  },
);
const { demoLoaded } = await seedDatabase(prisma(), { demo: config.DEMO });
if (demoLoaded) console.log(t("demoLoaded", { admin: DEMO_ADMIN_EMAIL, user: DEMO_USER_EMAIL, password: DEMO_PASSWORD }));
const companies = await prisma().company.count();
await disconnectDb();
console.log(t("databaseReady", { ms: String(Date.now() - started), source: server ? "embedded" : "url" }));
console.log(t(config.DEMO ? "demoMode" : "productionMode"));
if (companies === 0) console.log(t("noCompany", { url: `${config.APP_URL}/setup` }));

// Its own process, without this one's react-server condition: Next loads its own React.
const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "next-server.ts"), mode], {
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: url,
    DEMO: config.DEMO ? "1" : "0",
    NEXTAUTH_SECRET: config.NEXTAUTH_SECRET ?? sessionSecret(config.DATA_DIR),
    NEXTAUTH_URL: config.NEXTAUTH_URL ?? config.APP_URL,
    NEXT_TELEMETRY_DISABLED: "1",
  },
});

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await server?.stop().catch(() => {});
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code) => void shutdown(code ?? 0));
