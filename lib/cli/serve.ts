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

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  console.error("Usage: serve.ts dev|start");
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
  console.error(`✖ The app cannot start: ${secretProblem}`);
  process.exit(1);
}

const started = Date.now();
const { url, server } = await openDatabase(config).then(
  (opened) => {
    if (opened.applied.length) console.log(`▸ Applied migrations: ${opened.applied.join(", ")}`);
    return opened;
  },
  (error: Error) => {
    console.error(`✖ The database could not be opened: ${error.message}`);
    process.exit(1);
  },
);
const { demoLoaded } = await seedDatabase(prisma(), { demo: config.DEMO });
if (demoLoaded) console.log(`▸ Loaded demo data (${DEMO_ADMIN_EMAIL} / ${DEMO_USER_EMAIL}, password ${DEMO_PASSWORD} — demo only)`);
const companies = await prisma().company.count();
await disconnectDb();
console.log(`▸ Database ready in ${Date.now() - started} ms (${server ? "embedded PostgreSQL" : "DATABASE_URL"})`);
console.log(
  config.DEMO
    ? "▸ Demo mode (DEMO=1): demo checkout, built-in test identity provider, demo data. Not for real companies."
    : "▸ Production mode: no demo data, no demo checkout, no test identity provider (DEMO=1 turns them on).",
);
if (companies === 0) console.log(`▸ No company yet: open ${config.APP_URL}/setup to set up yours.`);

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
