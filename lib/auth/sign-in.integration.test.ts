import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { pool, prisma } from "@/lib/db/client";
import { createCompany } from "@/tests/support/fixtures";
import { hashPassword, verifyPassword } from "./password";
import { signInWithPassword } from "./sign-in";

// Sign-in throttling against the real rate_limit table. Each test uses its own
// account and made-up client addresses, so tests never lock each other out.

const PASSWORD = "correct horse battery";

async function userWithPassword(hash?: string) {
  const { admin } = await createCompany();
  await prisma().user.update({ where: { id: admin.id }, data: { passwordHash: hash ?? (await hashPassword(PASSWORD)) } });
  return admin;
}

const address = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
const attempt = (email: string, password: string, from: string | null) => signInWithPassword({ email, password }, from);

/**
 * As if the lock's time had passed: ends the account-and-address locks, and
 * the per-account hourly count (which 4 rounds of 6 failures would reach). The
 * memory of past locks ("sign-in-locks") is kept: it is what makes them grow.
 */
async function letLocksExpire() {
  await pool().query("UPDATE rate_limit SET expire = $1 WHERE key LIKE 'sign-in-pair:%' OR key LIKE 'sign-in-account:%'", [Date.now() - 1]);
}

describe("the language of a first sign-in", () => {
  it("a user with no language gets their browser's at sign-in; one who has one keeps it; a failed sign-in sets nothing", async () => {
    const user = await userWithPassword();
    const localeOf = async () => (await prisma().user.findUniqueOrThrow({ where: { id: user.id } })).locale;
    expect(await signInWithPassword({ email: user.email, password: "wrong" }, address(), "fr")).toEqual({ status: "invalid" });
    expect(await localeOf()).toBeNull();
    expect(await signInWithPassword({ email: user.email, password: PASSWORD }, address(), "fr")).toMatchObject({ status: "ok" });
    expect(await localeOf()).toBe("fr");
    expect(await signInWithPassword({ email: user.email, password: PASSWORD }, address(), "zh-CN")).toMatchObject({ status: "ok" });
    expect(await localeOf()).toBe("fr");
  });
});

describe("sign-in of users who may not sign in", () => {
  it("a deactivated user with the right password is told so; with a wrong one, only 'invalid' (a guesser learns nothing)", async () => {
    const user = await userWithPassword();
    await prisma().user.update({ where: { id: user.id }, data: { status: "DEACTIVATED" } });
    expect(await attempt(user.email, "wrong", address())).toEqual({ status: "invalid" });
    expect(await attempt(user.email, PASSWORD, address())).toEqual({ status: "deactivated" });
  });

  it("an invited user who has not chosen a password (no hash) is 'invalid' whatever is typed, and the failures count", async () => {
    const { company } = await createCompany();
    const email = `invited-${randomUUID().slice(0, 8)}@test.example`;
    await prisma().user.create({ data: { companyId: company.id, email, name: "Ivy", role: "USER", status: "INVITED" } });
    const from = address();
    for (const password of ["", "x", PASSWORD, "wrong", "wrong"]) expect(await attempt(email, password, from)).toEqual({ status: "invalid" });
    // "" is refused by the schema before it is counted: four counted, the fifth locks after this one.
    expect(await attempt(email, "wrong", from)).toEqual({ status: "invalid" });
    expect(await attempt(email, "wrong", from)).toMatchObject({ status: "throttled" });
  });
});

describe("sign-in throttling", () => {
  it("5 wrong passwords lock the account from that address: the 6th attempt is refused even with the right password", async () => {
    const user = await userWithPassword();
    const from = address();
    for (let i = 0; i < 5; i++) expect(await attempt(user.email, "wrong", from)).toEqual({ status: "invalid" });
    const sixth = await attempt(user.email, PASSWORD, from);
    expect(sixth).toMatchObject({ status: "throttled" });
    expect(sixth.status === "throttled" && sixth.retryAfterSeconds).toBeGreaterThan(50);
    expect(sixth.status === "throttled" && sixth.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another address is not locked out of this account by someone else's guesses.
    expect(await attempt(user.email, PASSWORD, address())).toMatchObject({ status: "ok" });
  });

  it("the lock grows: 1, then 5, then 15 minutes", async () => {
    const user = await userWithPassword();
    const from = address();
    const locks: number[] = [];
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 5; i++) expect(await attempt(user.email, "wrong", from)).toEqual({ status: "invalid" });
      const locked = await attempt(user.email, "wrong", from);
      if (locked.status !== "throttled") throw new Error(`round ${round}: not throttled`);
      locks.push(Math.round(locked.retryAfterSeconds / 60));
      // Knocking on a lock neither extends it nor counts.
      const again = await attempt(user.email, PASSWORD, from);
      expect(again.status === "throttled" && Math.round(again.retryAfterSeconds / 60)).toBe(locks.at(-1));
      await letLocksExpire();
    }
    expect(locks).toEqual([1, 5, 15, 15]);
  });

  it("a successful sign-in forgets the failures", async () => {
    const user = await userWithPassword();
    const from = address();
    for (let i = 0; i < 4; i++) await attempt(user.email, "wrong", from);
    expect(await attempt(user.email, PASSWORD, from)).toMatchObject({ status: "ok" });
    for (let i = 0; i < 5; i++) expect(await attempt(user.email, "wrong", from)).toEqual({ status: "invalid" });
    expect(await attempt(user.email, PASSWORD, from)).toMatchObject({ status: "throttled" });
  });

  it("parallel guesses cannot slip past the count: of 20 at once, 5 are checked and 15 refused", async () => {
    const user = await userWithPassword();
    const from = address();
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => attempt(user.email, "wrong", from)));
    expect(outcomes.filter((o) => o.status === "invalid")).toHaveLength(5);
    expect(outcomes.filter((o) => o.status === "throttled")).toHaveLength(15);
  });

  it("guessing one account from many addresses is capped too (20 failures an hour)", async () => {
    const user = await userWithPassword();
    for (let i = 0; i < 20; i++) expect(await attempt(user.email, "wrong", `203.0.113.${i + 1}`)).toEqual({ status: "invalid" });
    const refused = await attempt(user.email, PASSWORD, "203.0.113.200");
    expect(refused).toMatchObject({ status: "throttled" });
    expect(refused.status === "throttled" && refused.retryAfterSeconds).toBeGreaterThan(14 * 60);
  });

  it("one address guessing many accounts is capped (50 failures an hour), unknown e-mails included", async () => {
    const user = await userWithPassword();
    const from = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
    for (let i = 0; i < 50; i++) expect(await attempt(`nobody-${randomUUID()}@test.example`, "wrong", from)).toEqual({ status: "invalid" });
    expect(await attempt(user.email, PASSWORD, from)).toMatchObject({ status: "throttled" });
    expect(await attempt(user.email, PASSWORD, address())).toMatchObject({ status: "ok" });
  });

  it("stores neither e-mails nor addresses in the counters", async () => {
    const user = await userWithPassword();
    await attempt(user.email, "wrong", "198.51.100.77");
    const { rows } = await pool().query<{ key: string }>("SELECT key FROM rate_limit");
    expect(rows.some((row) => row.key.includes(user.email) || row.key.includes("198.51.100.77"))).toBe(false);
  });
});

describe("password hashes", () => {
  it("a bcrypt hash from before still signs in, and is replaced by Argon2id at that sign-in", async () => {
    const legacy = bcrypt.hashSync(PASSWORD, 10);
    const user = await userWithPassword(legacy);
    expect(await attempt(user.email, "wrong", address())).toEqual({ status: "invalid" });
    expect((await prisma().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(legacy);

    expect(await attempt(user.email, PASSWORD, address())).toMatchObject({ status: "ok", user: { id: user.id, role: "ADMIN" } });
    const upgraded = (await prisma().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    expect(upgraded).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await attempt(user.email, PASSWORD, address())).toMatchObject({ status: "ok" });
  });

  it("a malformed stored hash matches nothing", async () => {
    const user = await userWithPassword("not-a-hash");
    expect(await attempt(user.email, "not-a-hash", address())).toEqual({ status: "invalid" });
  });

  it("hashing runs off the event loop: the loop sits idle while ten passwords are hashed and checked", async () => {
    const before = performance.eventLoopUtilization();
    const hashes = await Promise.all(Array.from({ length: 10 }, () => hashPassword(PASSWORD)));
    await Promise.all(hashes.map((hash) => verifyPassword(PASSWORD, hash)));
    const during = performance.eventLoopUtilization(before);
    // Hashing on the main thread (bcryptjs, or argon2 in JS) keeps the loop busy nearly all the time.
    expect(during.utilization).toBeLessThan(0.5);
  });
});
