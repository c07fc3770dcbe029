// PostgreSQL restarts under running jobs: the runners wait while it is down and
// carry on when it is back, in the same process. This file runs its own
// PostgreSQL server (the shared test server must stay up for the other files).
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { disconnectDb, pool } from "@/lib/db/client";
import { freePort, startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { reloadEnv } from "@/lib/env";
import { queueEmail } from "@/lib/mail/outbox";
import { createCompany } from "@/tests/support/fixtures";
import { startSmtpServer, type TestSmtpServer } from "@/tests/support/smtp-server";
import { startJobSystem, type JobSystem } from "./runner";

const saved = { DATABASE_URL: process.env.DATABASE_URL, SMTP_URL: process.env.SMTP_URL };
// Under the project like the test server's own (as root, PostgreSQL runs as a user that must reach it).
const dataDir = path.resolve(".data", `jobs-restart-${randomUUID().slice(0, 8)}`);
let port: number;
let server: EmbeddedServer;
let smtp: TestSmtpServer;
let system: JobSystem;

const start = () => startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port, persistent: true, fast: true });

beforeAll(async () => {
  port = await freePort();
  server = await start();
  await server.createDatabase("restart_test");
  await migrate(server.urlFor("restart_test"));
  smtp = await startSmtpServer();
  await disconnectDb();
  process.env.DATABASE_URL = server.urlFor("restart_test");
  process.env.SMTP_URL = smtp.url;
  reloadEnv();
  // The app's own pool is lib/db/client's; a server restart ends its idle connections.
  pool().on("error", () => {});
}, 60_000);

afterAll(async () => {
  await system?.stop();
  await disconnectDb();
  await smtp?.close();
  await server?.stop();
  Object.assign(process.env, saved);
  reloadEnv();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

async function delivered(to: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (smtp.to(to).length === 0) {
    if (Date.now() > deadline) throw new Error(`no e-mail for ${to} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return smtp.to(to).length;
}

it("jobs pause while PostgreSQL is down and resume when it is back, without restarting the app", async () => {
  const { company } = await createCompany();
  system = await startJobSystem({ only: ["mail.deliver"], cron: false });
  const email = (to: string) => queueEmail({ companyId: company.id, to, subject: "Hello", html: "<p>Hello</p>", text: "Hello", dedupeKey: randomUUID() });

  await email("before@test.example");
  expect(await delivered("before@test.example", 10_000)).toBe(1);

  await server.stop();
  await new Promise((resolve) => setTimeout(resolve, 3_000)); // the runners poll and fail meanwhile
  server = await start();

  // The app's pool reconnects on its next query; the runners pick up the job by themselves.
  await expect(email("after@test.example")).resolves.toMatchObject({ queued: true });
  expect(await delivered("after@test.example", 30_000)).toBe(1);
  expect(smtp.to("before@test.example")).toHaveLength(1);
}, 90_000);
