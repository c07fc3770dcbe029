// Settings → Background jobs' Retry and Discard as the client calls them
// (`await retryJobAction({ id })`): only the session lookup is replaced; the
// role check, validation, the company scope of the failure log and the
// requeueing of the e-mail are real. No job runner here: what a retry queues
// is read back from the queue.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { pool, prisma } from "@/lib/db/client";
import { queueEmail } from "@/lib/mail/outbox";
import { createCompany } from "@/tests/support/fixtures";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("@/lib/auth/session-token", () => ({ sessionUserId: async () => session.userId }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { discardJobAction, retryJobAction } = await import("./actions");

beforeEach(() => {
  session.userId = null;
});

/** A company's e-mail whose delivery failed for good: the e-mail FAILED, its job gone, the failure in the log. */
async function failedDelivery() {
  const ours = await createCompany();
  const { id: emailId } = await queueEmail({ companyId: ours.company.id, to: `c-${ours.company.id}@test.example`, subject: "Hi", html: "<p>Hi</p>", text: "Hi", dedupeKey: `jobs-test-${ours.company.id}` });
  await pool().query("SELECT graphile_worker.remove_job($1)", [`mail.deliver:${emailId}`]);
  await pool().query("UPDATE outgoing_email SET state = 'FAILED', attempts = 10, last_error = 'Connection refused' WHERE id = $1", [emailId]);
  const { rows } = await pool().query<{ id: string }>(
    `INSERT INTO job_run (task, company_id, job_id, outcome, attempts, error, payload, duration_ms)
     VALUES ('mail.deliver', $1, 1, 'FAILED', 10, 'Connection refused', $2, 12) RETURNING id::text`,
    [ours.company.id, { emailId, companyId: ours.company.id }],
  );
  const runId = rows[0].id;
  const state = async () => ({
    failure: await prisma().jobRun.findUniqueOrThrow({ where: { id: BigInt(runId) }, select: { outcome: true, resolvedAt: true } }),
    email: await prisma().outgoingEmail.findUniqueOrThrow({ where: { id: emailId }, select: { state: true, attempts: true } }),
    queued: (await pool().query("SELECT 1 FROM graphile_worker.jobs WHERE key = $1", [`mail.deliver:${emailId}`])).rowCount,
  });
  return { ...ours, runId, state, before: await state() };
}

describe("retryJobAction and discardJobAction", () => {
  it("an admin's Retry takes the failure off the list, readies the e-mail with fresh attempts and queues it; a second Retry says it is gone", async () => {
    const { admin, runId, state } = await failedDelivery();
    session.userId = admin.id;
    expect(await retryJobAction({ id: runId })).toEqual({ ok: true, message: "Queued again: it runs in a moment." });
    expect(await state()).toEqual({ failure: { outcome: "FAILED", resolvedAt: expect.any(Date) }, email: { state: "QUEUED", attempts: 0 }, queued: 1 });
    expect(await retryJobAction({ id: runId })).toMatchObject({ ok: false, code: "refused", message: "This failure was already retried or discarded." });
  });

  it("an admin's Discard takes it off the list; the e-mail keeps its failure and nothing is queued", async () => {
    const { admin, runId, state, before } = await failedDelivery();
    session.userId = admin.id;
    expect(await discardJobAction({ id: runId })).toEqual({ ok: true, message: "Discarded." });
    expect(await state()).toEqual({ ...before, failure: { outcome: "DISCARDED", resolvedAt: expect.any(Date) } });
    expect(await retryJobAction({ id: runId })).toMatchObject({ ok: false, message: "This failure was already retried or discarded." });
  });

  it("signed out, as a USER, or an admin of another company: refused, the failure stays listed and nothing is queued", async () => {
    const { user, runId, state, before } = await failedDelivery();
    expect(await retryJobAction({ id: runId })).toMatchObject({ ok: false, code: "signed-out" });
    session.userId = user.id;
    expect(await retryJobAction({ id: runId })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await discardJobAction({ id: runId })).toMatchObject({ ok: false, code: "forbidden" });
    session.userId = (await createCompany()).admin.id;
    expect(await retryJobAction({ id: runId })).toMatchObject({ ok: false, code: "refused", message: "This failure was already retried or discarded." });
    expect(await discardJobAction({ id: runId })).toMatchObject({ ok: false, code: "refused", message: "This failure was already retried or discarded." });
    expect(await state()).toEqual(before);
  });

  it("an id that is no id, or a failure whose payload names another company: refused, nothing changed", async () => {
    const { admin, runId, state, before } = await failedDelivery();
    session.userId = admin.id;
    expect(await retryJobAction({ id: "1; DROP TABLE job_run" })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { id: ["Unknown job."] } });
    expect(await discardJobAction({ id: 5 })).toMatchObject({ ok: false, code: "invalid" });
    // A log row of ours that would act for another company if retried: not ours to retry.
    const other = await createCompany();
    await pool().query("UPDATE job_run SET payload = jsonb_set(payload, '{companyId}', to_jsonb($2::int)) WHERE id = $1::bigint", [runId, other.company.id]);
    expect(await retryJobAction({ id: runId })).toMatchObject({ ok: false, code: "refused", message: "This failure was already retried or discarded." });
    expect(await state()).toEqual(before);
  });
});
