// Shared by the system tests: a database of the test's own, set as this
// process's DATABASE_URL (the test drives lib/ directly to make data and queue
// work, as the app's pages would), and the CLI run against it.
import { spawn } from "node:child_process";
import path from "node:path";
import { disconnectDb, pool, prisma } from "@/lib/db/client";
import { seedCatalogue } from "@/lib/seed/catalogue";
import { reloadEnv } from "@/lib/env";
import { createTestDatabase } from "@/tests/support/own-database";

const root = path.resolve(import.meta.dirname, "..", "..");

export async function systemDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const database = await createTestDatabase(process.env.DATABASE_URL!, label);
  await disconnectDb();
  process.env.DATABASE_URL = database.url;
  reloadEnv();
  // Dropping the database at the end ends any connection still open: not a failure.
  pool().on("error", () => {});
  await seedCatalogue(prisma());
  return database;
}

/** `npm run ledger:verify` on that database: its exit code and what it printed. */
export function ledgerVerify(databaseUrl: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "lib/cli/ledger-verify.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => resolve({ code: code ?? 1, output }));
  });
}

export { until } from "@/tests/support/env";
