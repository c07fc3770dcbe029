import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { databaseUnavailable, isConnectionError } from "./availability";
import { pool, prisma } from "./client";
import { createCompany } from "@/tests/support/fixtures";

describe("database", () => {
  it("writes and reads a company and its users through Prisma on the real server", async () => {
    const { company, admin } = await createCompany({ country: "FR" });
    const read = await prisma().company.findUniqueOrThrow({ where: { id: company.id }, include: { users: { orderBy: { id: "asc" } } } });
    expect(read.country).toBe("FR");
    expect(read.users.map((u) => u.role)).toEqual(["ADMIN", "USER"]);
    expect(read.users[0].email).toBe(admin.email);
  });

  it("refuses a negative balance and any change to a ledger entry", async () => {
    const { company } = await createCompany();
    const service = await prisma().iapService.findUniqueOrThrow({ where: { technicalName: "sms" } });
    const account = await prisma().iapAccount.create({ data: { companyId: company.id, serviceId: service.id } });
    await expect(prisma().iapAccount.update({ where: { id: account.id }, data: { balance: -1n } })).rejects.toThrow(/balance_non_negative/);

    await prisma().$executeRaw`UPDATE iap_account SET balance = 5 WHERE id = ${account.id}`;
    const entry = await prisma().ledgerEntry.create({
      data: { accountId: account.id, kind: "ADJUSTMENT", amount: 5n, balanceAfter: 5n, description: "test", idempotencyKey: "t1" },
    });
    await expect(prisma().ledgerEntry.update({ where: { id: entry.id }, data: { amount: 6n } })).rejects.toThrow(/append-only/);
    await expect(prisma().ledgerEntry.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
  });
});

describe("when the server ends connections (a restart)", () => {
  async function terminate(pid: number) {
    // From a separate connection, as the server itself would on shutdown: "terminating connection due to administrator command".
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query("SELECT pg_terminate_backend($1)", [pid]);
    } finally {
      await admin.end();
    }
  }

  it("an idle pooled connection ended by the server is dropped and reported, the process lives on, and the next query works", async () => {
    const client = await pool().connect();
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    client.release();
    const errors: Error[] = [];
    pool().once("error", (error) => errors.push(error));
    await terminate(rows[0].pid);
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(errors[0].message).toMatch(/terminating connection due to administrator command/);
    expect(isConnectionError(errors[0])).toBe(true);
    expect(databaseUnavailable()).toBe(true);

    // A new connection is opened for the next query, and the outage is over.
    expect((await prisma().company.count()) >= 0).toBe(true);
    expect(databaseUnavailable()).toBe(false);
  });

  it("a checked-out connection ended between two statements fails that transaction only: nothing of it is written", async () => {
    const { company } = await createCompany();
    const client = await pool().connect();
    try {
      const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      await client.query("BEGIN");
      await client.query("UPDATE company SET name = 'half-written' WHERE id = $1", [company.id]);
      await terminate(rows[0].pid);
      await expect(client.query("COMMIT")).rejects.toThrow();
    } finally {
      client.release(true);
    }
    expect((await prisma().company.findUniqueOrThrow({ where: { id: company.id } })).name).not.toBe("half-written");
  });

  it("tells an outage from an ordinary SQL error", () => {
    expect(isConnectionError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isConnectionError(Object.assign(new Error("the database system is shutting down"), { code: "57P03" }))).toBe(true);
    expect(isConnectionError(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isConnectionError(new AggregateError([Object.assign(new Error("refused"), { code: "ECONNREFUSED" })]))).toBe(true);
    expect(isConnectionError(Object.assign(new Error("duplicate key value"), { code: "23505" }))).toBe(false);
    expect(isConnectionError(new Error("timeout exceeded when trying to connect"))).toBe(false);
  });
});
