import { describe, expect, it } from "vitest";
import { pool, prisma } from "@/lib/db/client";
import { createCompany } from "@/tests/support/fixtures";
import { getOrCreateAccount } from "./accounts";
import { updateWarningSettings } from "./warning-settings";

async function warnedAccount() {
  const { company } = await createCompany();
  const account = await getOrCreateAccount(company.id, "sms");
  expect(await updateWarningSettings(company.id, account.id, { warnEnabled: true, threshold: 5000n, email: "ops@example.com" })).toBe(true);
  // What the low-credit cron does when it queues the warning.
  await pool().query("UPDATE iap_account SET warned_at = now() WHERE id = $1", [account.id]);
  return { company, account };
}

const read = (id: number) => prisma().iapAccount.findUniqueOrThrow({ where: { id } });

describe("updateWarningSettings", () => {
  it("stores Warn Me, the threshold in units and the address", async () => {
    const { account } = await warnedAccount();
    expect(await read(account.id)).toMatchObject({ warnEnabled: true, warningThreshold: 5000n, warningEmail: "ops@example.com" });
  });

  it("saving the same settings keeps the warning sent; a new threshold, address or switch re-arms it", async () => {
    const { company, account } = await warnedAccount();
    await updateWarningSettings(company.id, account.id, { warnEnabled: true, threshold: 5000n, email: "ops@example.com" });
    expect((await read(account.id)).warnedAt).not.toBeNull();

    await updateWarningSettings(company.id, account.id, { warnEnabled: true, threshold: 2000n, email: "ops@example.com" });
    expect((await read(account.id)).warnedAt).toBeNull();

    await pool().query("UPDATE iap_account SET warned_at = now() WHERE id = $1", [account.id]);
    await updateWarningSettings(company.id, account.id, { warnEnabled: true, threshold: 2000n, email: "boss@example.com" });
    expect((await read(account.id)).warnedAt).toBeNull();

    await pool().query("UPDATE iap_account SET warned_at = now() WHERE id = $1", [account.id]);
    await updateWarningSettings(company.id, account.id, { warnEnabled: false });
    expect(await read(account.id)).toMatchObject({ warnEnabled: false, warnedAt: null, warningThreshold: 2000n, warningEmail: "boss@example.com" });
  });

  it("another company's account is not touched", async () => {
    const { account } = await warnedAccount();
    const { company: intruder } = await createCompany();
    const before = await read(account.id);
    expect(await updateWarningSettings(intruder.id, account.id, { warnEnabled: true, threshold: 0n, email: "evil@example.com" })).toBe(false);
    expect(await read(account.id)).toEqual(before);
  });
});
