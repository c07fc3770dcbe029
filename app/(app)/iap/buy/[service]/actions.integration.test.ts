// Buy as a direct POST of the server action would run it: only the session
// lookup is replaced; the role check, validation and purchase are real.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { createCompany } from "@/tests/support/fixtures";
import { formOf, packOf, redirectOf, withEnv } from "@/tests/support/billing";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("@/lib/auth/session-token", () => ({ sessionUserId: async () => session.userId }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { buyPackAction } = await import("./actions");

let restoreEnv: () => void;
beforeAll(() => {
  restoreEnv = withEnv({ DEMO: "1", STRIPE_SECRET_KEY: undefined, STRIPE_WEBHOOK_SECRET: undefined, STRIPE_API_URL: undefined });
});
afterAll(() => restoreEnv());
beforeEach(() => {
  session.userId = null;
});

const purchasesOf = (companyId: number) => prisma().purchase.findMany({ where: { account: { companyId } } });

describe("buyPackAction", () => {
  it("an admin's Buy records a pending demo purchase and goes to the demo checkout", async () => {
    const { company, admin } = await createCompany();
    const { pack } = await packOf("sms", "standard");
    session.userId = admin.id;
    const target = await redirectOf(() => buyPackAction(null, formOf({ service: "sms", packId: pack.id })));
    const [purchase] = await purchasesOf(company.id);
    expect(target).toBe(`/iap/checkout/demo/${purchase.id}`);
    expect(purchase).toMatchObject({ provider: "DEMO", status: "PENDING", packId: pack.id, credits: pack.credits, amount: pack.price, createdById: admin.id });
  });

  it("a USER posting Buy directly is refused and nothing is recorded", async () => {
    const { company, user } = await createCompany();
    const { pack } = await packOf("sms", "standard");
    session.userId = user.id;
    const state = await buyPackAction(null, formOf({ service: "sms", packId: pack.id }));
    expect(state).toMatchObject({ ok: false, code: "forbidden" });
    expect(await purchasesOf(company.id)).toHaveLength(0);
  });

  it("signed out, a bad pack id or another service's pack: refused, nothing recorded", async () => {
    const { company, admin } = await createCompany();
    const { pack: otherServicePack } = await packOf("reveal", "starter");
    expect(await buyPackAction(null, formOf({ service: "sms", packId: 1 }))).toMatchObject({ ok: false, code: "signed-out" });
    session.userId = admin.id;
    expect(await buyPackAction(null, formOf({ service: "sms", packId: "abc" }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { packId: ["Choose a pack."] } });
    expect(await buyPackAction(null, formOf({ service: "sms", packId: otherServicePack.id }))).toMatchObject({ ok: false });
    expect(await buyPackAction(null, formOf({ service: "no_such_service", packId: otherServicePack.id }))).toMatchObject({ ok: false });
    expect(await purchasesOf(company.id)).toHaveLength(0);
  });

  it("outside demo mode without Stripe, Buy says payments are not set up and records nothing", async () => {
    const { company, admin } = await createCompany();
    const { pack } = await packOf("sms", "standard");
    session.userId = admin.id;
    const restore = withEnv({ DEMO: "0" });
    try {
      expect(await buyPackAction(null, formOf({ service: "sms", packId: pack.id }))).toEqual({
        ok: false,
        code: "refused",
        message: expect.stringMatching(/^Payments are not set up on this server, so no credits were added\. .*STRIPE_SECRET_KEY/),
        values: { service: "sms", packId: String(pack.id) },
      });
    } finally {
      restore();
    }
    expect(await purchasesOf(company.id)).toEqual([]);
  });
});
