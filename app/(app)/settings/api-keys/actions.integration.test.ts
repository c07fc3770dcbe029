// Settings → API keys as a direct POST of each server action would run it:
// only the session lookup is replaced; the role check, validation, the company
// scope and lib/api/keys are real. A key's secret exists in clear only in the
// answer to the admin who created it.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { authenticateApiKey } from "@/lib/api/keys";
import { pool, prisma } from "@/lib/db/client";
import { fieldErrorsOf, formOf } from "@/tests/support/billing";
import { createCompany } from "@/tests/support/fixtures";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("@/lib/auth/session-token", () => ({ sessionUserId: async () => session.userId }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { createApiKeyAction, revokeApiKeyAction } = await import("./actions");

beforeEach(() => {
  session.userId = null;
});

const keysOf = (companyId: number) => prisma().apiKey.findMany({ where: { companyId }, orderBy: { id: "asc" } });

describe("createApiKeyAction", () => {
  it("an admin's new key comes back once in clear and works; the database holds only its hash", async () => {
    const { company, admin } = await createCompany();
    session.userId = admin.id;
    const state = await createApiKeyAction(null, formOf({ name: " Web shop ", scopes: ["read", "charge"] }));
    expect(state).toEqual({ ok: true, message: "Key created", data: { key: expect.stringMatching(/^iap_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/), name: "Web shop" } });
    const key = state.ok ? state.data!.key : "";
    const secret = key.split("_").slice(2).join("_");

    const [row] = await keysOf(company.id);
    expect(row).toMatchObject({ name: "Web shop", scopes: ["read", "charge"], createdById: admin.id, revokedAt: null });
    expect(key.startsWith(`iap_${row.prefix}_`)).toBe(true);
    // No column of any api_key row holds the secret (or the whole key) in clear.
    const rowsHolding = async (text: string) =>
      (await pool().query("SELECT count(*)::int AS n FROM api_key WHERE strpos(row_to_json(api_key)::text, $1) > 0", [text])).rows[0].n;
    expect(await rowsHolding(secret)).toBe(0);
    expect(await rowsHolding(row.prefix)).toBe(1);
    expect(row.secretHash).not.toContain(secret);

    expect(await authenticateApiKey(`Bearer ${key}`)).toMatchObject({ ok: true, caller: { companyId: company.id, scopes: ["read", "charge"] } });
  });

  it("signed out or as a USER: refused, no key made", async () => {
    const { company, user } = await createCompany();
    const post = formOf({ name: "Web shop", scopes: ["read"] });
    expect(await createApiKeyAction(null, post)).toMatchObject({ ok: false, code: "signed-out" });
    session.userId = user.id;
    expect(await createApiKeyAction(null, post)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await keysOf(company.id)).toEqual([]);
  });

  it("no name, no scope or an unknown scope: the field's error, no key made", async () => {
    const { company, admin } = await createCompany();
    session.userId = admin.id;
    expect(await createApiKeyAction(null, formOf({ name: "  ", scopes: [] }))).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { name: ["Name the key after what uses it, such as “Web shop”."], scopes: ["Choose at least one scope."] },
    });
    const unknownScope = await createApiKeyAction(null, formOf({ name: "Web shop", scopes: ["read", "admin"] }));
    expect(unknownScope).toMatchObject({ ok: false, code: "invalid" });
    expect(Object.keys(fieldErrorsOf(unknownScope))).toEqual(["scopes"]);
    expect(await keysOf(company.id)).toEqual([]);
  });
});

describe("revokeApiKeyAction", () => {
  async function withKey() {
    const ours = await createCompany();
    session.userId = ours.admin.id;
    const created = await createApiKeyAction(null, formOf({ name: "Web shop", scopes: ["read"] }));
    const [row] = await keysOf(ours.company.id);
    session.userId = null;
    return { ...ours, key: created.ok ? created.data!.key : "", row };
  }

  it("an admin revokes the key: the next request with it is refused; a second revoke says it is gone", async () => {
    const { admin, key, row } = await withKey();
    session.userId = admin.id;
    expect(await revokeApiKeyAction(null, formOf({ id: row.id }))).toEqual({ ok: true, message: "Revoked: requests with this key are refused from now on." });
    expect(await authenticateApiKey(`Bearer ${key}`)).toEqual({ ok: false, reason: "revoked" });
    expect(await revokeApiKeyAction(null, formOf({ id: row.id }))).toMatchObject({ ok: false, code: "refused", message: "This key does not exist in your company or is already revoked." });
  });

  it("a USER, an admin of another company, or an id that is no id: refused, the key still works", async () => {
    const { user, key, row } = await withKey();
    session.userId = user.id;
    expect(await revokeApiKeyAction(null, formOf({ id: row.id }))).toMatchObject({ ok: false, code: "forbidden" });
    const stranger = await createCompany();
    session.userId = stranger.admin.id;
    expect(await revokeApiKeyAction(null, formOf({ id: row.id }))).toMatchObject({ ok: false, code: "refused", message: "This key does not exist in your company or is already revoked." });
    expect(await revokeApiKeyAction(null, formOf({ id: "1 OR 1=1" }))).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { id: ["This key does not exist in your company or is already revoked."] },
    });
    expect((await prisma().apiKey.findUniqueOrThrow({ where: { id: row.id } })).revokedAt).toBeNull();
    expect(await authenticateApiKey(`Bearer ${key}`)).toMatchObject({ ok: true });
  });
});
