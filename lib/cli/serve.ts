// npm run dev / npm start: the app's own launcher. With nothing configured it
// starts the embedded PostgreSQL (data under DATA_DIR), applies migrations,
// loads the catalogue and (once) the demo data, makes a session secret that
// survives restarts, then runs the app's HTTP server (Next.js behind
// lib/http/serve-next.ts, in lib/cli/next-server.ts) with those settings and
// stops the database when it exits.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { prisma, disconnectDb } from "../db/client";
import { seed } from "../db/seed";
import { env } from "../env";
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

const started = Date.now();
const config = env();
const { url, server, applied } = await openDatabase(config);
if (applied.length) console.log(`▸ Applied migrations: ${applied.join(", ")}`);
const { demoCreated } = await seed(prisma());
if (demoCreated) console.log("▸ Loaded demo data (admin@example.com / user@example.com, password demo1234 — demo only)");
await disconnectDb();
console.log(`▸ Database ready in ${Date.now() - started} ms (${server ? "embedded PostgreSQL" : "DATABASE_URL"})`);

// Its own process, without this one's react-server condition: Next loads its own React.
const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "next-server.ts"), mode], {
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: url,
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
