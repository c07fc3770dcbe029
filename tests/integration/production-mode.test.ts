// Production mode from the operator's side, on a database of its own: the
// commands and the launcher as an operator runs them (child processes), then
// company set-up on the still-empty database.
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { useDatabaseInProcess } from "@/tests/support/database-in-process";
import { createThrowawayDatabase, type ThrowawayDatabase } from "@/tests/support/throwaway-database";

const root = path.resolve(import.meta.dirname, "..", "..");
let scratch: ThrowawayDatabase;
let db: pg.Pool;
let restoreDatabase: (() => Promise<void>) | undefined;

/** Runs a command of the project as an operator would (tsx, as the npm scripts do), with only `env` on top of a clean environment. */
function runScript(script: string, args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const { PATH, HOME } = process.env;
    const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", script, ...args], {
      cwd: root,
      env: { PATH, HOME, NODE_ENV: "production", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const users = async () => (await db.query("SELECT email FROM app_user ORDER BY id")).rows.map((row) => row.email);

beforeAll(async () => {
  scratch = await createThrowawayDatabase("production_mode");
  db = new pg.Pool({ connectionString: scratch.url, max: 2 });
}, 60_000);

afterAll(async () => {
  await db?.end();
  await restoreDatabase?.();
  await scratch?.drop();
});

describe("production mode", () => {
  it("npm start without NEXTAUTH_SECRET (and without DEMO) exits non-zero, naming the variable, before touching anything", async () => {
    const { code, output } = await runScript("lib/cli/serve.ts", ["start"], { DATABASE_URL: scratch.url });
    expect(code).toBe(1);
    expect(output).toContain("The app cannot start: NEXTAUTH_SECRET is not set.");
    expect(output).toContain("NEXTAUTH_SECRET=$(openssl rand -base64 32)");
    expect(await users()).toEqual([]);
  });

  it("a bad DEMO value is refused by name", async () => {
    const { code, output } = await runScript("lib/cli/serve.ts", ["start"], { DATABASE_URL: scratch.url, DEMO: "maybe", NEXTAUTH_SECRET: "x" });
    expect(code).toBe(1);
    expect(output).toContain("DEMO: must be 1 (on) or 0 (off)");
  });

  it("npm run db:seed without DEMO loads the catalogue and creates no user and no company", async () => {
    const { code, output } = await runScript("lib/cli/db-seed.ts", [], { DATABASE_URL: scratch.url }, 120_000);
    expect(output).toContain("No demo data");
    expect(code).toBe(0);
    expect(await users()).toEqual([]);
    expect((await db.query("SELECT count(*)::int AS n FROM company")).rows[0].n).toBe(0);
    expect((await db.query("SELECT count(*)::int AS n FROM iap_service")).rows[0].n).toBeGreaterThan(0);
  }, 150_000);

  it("the first company is set up once: of two concurrent set-ups one wins, and a third is refused while SIGNUP is not open", async () => {
    restoreDatabase = await useDatabaseInProcess(scratch.url);
    const { createCompanyWithAdmin } = await import("@/lib/auth/companies");
    const setup = (n: number) =>
      createCompanyWithAdmin({ companyName: `First ${n}`, country: "BE", currency: "EUR", name: `Admin ${n}`, email: `first-${n}@test.example`, password: "password-123" });
    const outcomes = await Promise.allSettled([setup(1), setup(2)]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason.code).toBe("signup-closed");
    await expect(setup(3)).rejects.toMatchObject({ code: "signup-closed" });
    const companies = await prisma().company.findMany({ include: { users: true } });
    expect(companies).toHaveLength(1);
    expect(companies[0].users).toMatchObject([{ role: "ADMIN", status: "ACTIVE" }]);
    expect(companies[0].trialEligible).toBe(false);
  });

  it("with DEMO=1 the demo is loaded once; deleting the demo admin does not bring it back", async () => {
    const first = await runScript("lib/cli/db-seed.ts", [], { DATABASE_URL: scratch.url, DEMO: "1" }, 120_000);
    expect(first.output).toContain("Seeded the catalogue and the demo data.");
    expect(await users()).toEqual(expect.arrayContaining(["admin@example.com", "user@example.com"]));
    await db.query("DELETE FROM app_user WHERE email = 'admin@example.com'");
    const again = await runScript("lib/cli/db-seed.ts", [], { DATABASE_URL: scratch.url, DEMO: "1" }, 120_000);
    expect(again.code).toBe(0);
    expect(again.output).toContain("demo data was loaded before");
    expect(await users()).not.toContain("admin@example.com");
    expect((await db.query("SELECT count(*)::int AS n FROM company WHERE name = 'Demo Company SA'")).rows[0].n).toBe(1);
  }, 300_000);

  it("npm run user:create adds an active user to the company named by --company", async () => {
    const { code, output } = await runScript("lib/cli/user-create.ts", ["--email", "ops@test.example", "--name", "Ops Person", "--role", "ADMIN", "--company", "Demo Company SA"], {
      DATABASE_URL: scratch.url,
      USER_PASSWORD: "ops-password-1",
    });
    expect(output).toContain("Created ADMIN ops@test.example in Demo Company SA.");
    expect(code).toBe(0);
    const { rows } = await db.query("SELECT u.status, c.name FROM app_user u JOIN company c ON c.id = u.company_id WHERE u.email = 'ops@test.example'");
    expect(rows).toEqual([{ status: "ACTIVE", name: "Demo Company SA" }]);
    const missing = await runScript("lib/cli/user-create.ts", ["--email", "x@test.example", "--name", "X", "--company", "No Such Co"], { DATABASE_URL: scratch.url, USER_PASSWORD: "password-123" });
    expect(missing.code).toBe(2);
    expect(missing.output).toContain('No company named "No Such Co"');
  }, 120_000);
});
