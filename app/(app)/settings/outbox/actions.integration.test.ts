// Settings → Outgoing E-mails' "Retry now" as a direct POST would run it: only
// the session lookup is replaced; the role check, validation, the company
// scope, the job queue and the delivery to a real SMTP server on loopback are
// real. This file has its own database: the job runner it starts works every
// job in it.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { pool, prisma } from "@/lib/db/client";
import { startJobSystem, type JobSystem } from "@/lib/jobs/runner";
import { queueEmail } from "@/lib/mail/outbox";
import { formOf, withEnv } from "@/tests/support/billing";
import { createCompany } from "@/tests/support/fixtures";
import { useOwnDatabase } from "@/tests/support/own-database";
import { startSmtpServer, type TestSmtpServer } from "@/tests/support/smtp-server";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("@/lib/auth/session-token", () => ({ sessionUserId: async () => session.userId }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { retryEmailAction } = await import("./actions");

useOwnDatabase("outbox_actions");

let smtp: TestSmtpServer;
let restoreEnv: () => void;
let system: JobSystem | null = null;
beforeAll(async () => {
  smtp = await startSmtpServer();
  restoreEnv = withEnv({ SMTP_URL: smtp.url, MAIL_FROM: "IAP Credits <alerts@erp.example.test>" });
});
afterEach(async () => {
  await system?.stop();
  system = null;
});
afterAll(async () => {
  restoreEnv();
  await smtp.close();
});
beforeEach(() => {
  session.userId = null;
});

/** An e-mail of a new company that failed for good, its delivery job gone (as after its last attempt). */
async function failedEmail() {
  const ours = await createCompany();
  const to = `client-${ours.company.id}@test.example`;
  const { id } = await queueEmail({ companyId: ours.company.id, to, subject: "Your invoice", html: "<p>Invoice</p>", text: "Invoice", dedupeKey: `outbox-test-${to}` });
  await pool().query("SELECT graphile_worker.remove_job($1)", [`mail.deliver:${id}`]);
  await pool().query("UPDATE outgoing_email SET state = 'FAILED', attempts = 5, last_error = 'Connection refused' WHERE id = $1", [id]);
  const read = () => prisma().outgoingEmail.findUniqueOrThrow({ where: { id }, select: { state: true, attempts: true, lastError: true } });
  return { ...ours, id, to, read, before: await read() };
}

describe("retryEmailAction", () => {
  it("an admin's Retry now sends the failed e-mail and answers once it is sent; a second retry is refused", async () => {
    const { admin, id, to, read } = await failedEmail();
    system = await startJobSystem({ only: ["mail.deliver"], cron: false });
    session.userId = admin.id;
    expect(await retryEmailAction(null, formOf({ id }))).toEqual({ ok: true, message: "Sent.", data: { sent: true } });
    expect(await read()).toMatchObject({ state: "SENT", lastError: null });
    expect(smtp.to(to)).toHaveLength(1);
    expect(await retryEmailAction(null, formOf({ id }))).toMatchObject({
      ok: false,
      code: "refused",
      message: "This e-mail was already sent, is being sent right now, or does not exist.",
    });
    expect(smtp.to(to)).toHaveLength(1);
  });

  it("signed out, as a USER, or an admin of another company: refused, the e-mail stays failed and unqueued", async () => {
    const { user, id, read, before } = await failedEmail();
    expect(await retryEmailAction(null, formOf({ id }))).toMatchObject({ ok: false, code: "signed-out" });
    session.userId = user.id;
    expect(await retryEmailAction(null, formOf({ id }))).toMatchObject({ ok: false, code: "forbidden" });
    session.userId = (await createCompany()).admin.id;
    expect(await retryEmailAction(null, formOf({ id }))).toMatchObject({ ok: false, code: "refused", message: "This e-mail was already sent, is being sent right now, or does not exist." });
    expect(await read()).toEqual(before);
    expect((await pool().query("SELECT 1 FROM graphile_worker.jobs WHERE key = $1", [`mail.deliver:${id}`])).rowCount).toBe(0);
  });

  it("an id that is no id: the field's error", async () => {
    const { admin } = await createCompany();
    session.userId = admin.id;
    expect(await retryEmailAction(null, formOf({ id: "12abc" }))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { id: ["Unknown e-mail."] } });
  });
});
