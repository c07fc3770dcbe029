// The production start (`npm start`'s launcher, lib/cli/serve.ts) through the
// shared test helper: an empty database is migrated and seeded before the app
// serves; a second instance on the same database comes up beside it; a crashed
// instance stops answering while the other one serves.
import { existsSync } from "node:fs";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMigrations } from "@/lib/db/migrate";
import { appBuildReady } from "@/tests/support/app-build";
import { startAppServer, type AppServer } from "@/tests/support/app-server";

const name = `iap_app_server_test_${randomUUID().slice(0, 8)}`;
const adminUrl = new URL(process.env.DATABASE_URL!);
adminUrl.pathname = "/postgres";
const databaseUrl = new URL(process.env.DATABASE_URL!);
databaseUrl.pathname = `/${name}`;

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl.toString() });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const answers = (server: AppServer) =>
  fetch(`${server.url}/login`, { redirect: "manual", signal: AbortSignal.timeout(30_000) }).then(
    (response) => response.status,
    () => "refused" as const,
  );

const servers: AppServer[] = [];
// The build (waited for, or made here when this file runs alone) is set-up,
// not part of what the test times: on a loaded machine it takes minutes.
beforeAll(() => appBuildReady(), 30 * 60_000);
beforeAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe("the app served as in production", () => {
  it("an empty database is migrated and seeded before the app serves; a second instance joins; one crashing leaves the other serving", { timeout: 300_000 }, async () => {
    const first = await startAppServer({ databaseUrl: databaseUrl.toString(), env: { DEMO: "1" } });
    servers.push(first);
    const second = await startAppServer({ databaseUrl: databaseUrl.toString(), env: { DEMO: "1" } });
    servers.push(second);
    expect(first.port).not.toBe(second.port);

    const login = await fetch(`${first.url}/login`, { signal: AbortSignal.timeout(30_000) });
    expect(login.status).toBe(200);
    expect(await login.text()).toContain("Sign in");
    expect(await answers(second)).toBe(200);

    const migrations = await query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY 1`);
    expect(migrations.map((row) => row.migration_name)).toEqual(readMigrations().map((migration) => migration.name));
    const [{ services }] = await query<{ services: number }>("SELECT count(*)::int AS services FROM iap_service");
    expect(services).toBeGreaterThan(0);

    first.kill("SIGKILL");
    await first.exited;
    await expect.poll(() => answers(first), { timeout: 10_000 }).toBe("refused");
    expect(await answers(second)).toBe(200);

    await second.stop();
    expect(await answers(second)).toBe("refused");
    expect(() => process.kill(-second.child.pid!, 0)).toThrow(); // the whole process group is gone
    expect(existsSync(second.dataDir)).toBe(false);
  });
});
