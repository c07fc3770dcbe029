// Twilio's two webhooks end to end against the app's routes: a message sent
// through the Twilio gateway to a local server speaking Twilio's API, then
// Twilio's status callbacks and inbound replies played back, signed in the
// test from Twilio's documented algorithm.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as inbound } from "@/app/api/sms/inbound/route";
import { POST as status } from "@/app/api/sms/status/route";
import { prisma } from "@/lib/db/client";
import { reloadEnv } from "@/lib/env";
import { getOrCreateAccount } from "@/lib/iap/accounts";
import { grant } from "@/lib/iap/ledger";
import { verifyLedger } from "@/lib/iap/verify";
import { SmsGatewayError, statusCallbackUrl, TwilioSmsGateway, type SmsGateway } from "@/lib/sms/gateways";
import { massSmsProgress } from "@/lib/sms/mass-sms/progress";
import { sendMassSms } from "@/lib/sms/mass-sms/send";
import { sendSms } from "@/lib/sms/send-sms";
import { createCompany } from "@/tests/support/fixtures";
import { signLikeTwilio, startTwilioApi, twilioPost, type TwilioApi } from "@/tests/support/twilio-api";

const TOKEN = "twilio-auth-token-for-tests";
const APP_URL = "https://erp.example.test";
const STATUS_URL = `${APP_URL}/api/sms/status`;
const INBOUND_URL = `${APP_URL}/api/sms/inbound`;
let api: TwilioApi;
let gateway: TwilioSmsGateway;
const saved = { ...process.env };

beforeAll(async () => {
  api = await startTwilioApi();
  Object.assign(process.env, { TWILIO_ACCOUNT_SID: "AC0123", TWILIO_AUTH_TOKEN: TOKEN, TWILIO_FROM: "+15005550006", TWILIO_API_URL: api.url, APP_URL });
  reloadEnv();
  gateway = new TwilioSmsGateway({ accountSid: "AC0123", authToken: TOKEN, from: "+15005550006", apiUrl: api.url, statusCallbackUrl: statusCallbackUrl(APP_URL) });
});
afterAll(async () => {
  process.env = saved;
  reloadEnv();
  await api.close();
});

async function setup(options: { credits?: bigint; mobile?: string; sender?: string } = {}) {
  const { company, user } = await createCompany({ country: "FR" });
  if (options.sender) await prisma().company.update({ where: { id: company.id }, data: { smsSender: options.sender } });
  const account = await getOrCreateAccount(company.id, "sms");
  await grant(account, options.credits ?? 10_000n, { kind: "ADJUSTMENT", description: "opening", idempotencyKey: "opening" });
  const contact = await prisma().contact.create({ data: { companyId: company.id, name: "Camille Martin", mobile: options.mobile ?? "+33 6 12 34 56 78", country: "FR" } });
  return { company, user, account, contact };
}

async function sendOne(ctx: Awaited<ReturnType<typeof setup>>, key = "k1") {
  const result = await sendSms({ companyId: ctx.company.id, userId: ctx.user.id, contactId: ctx.contact.id, number: ctx.contact.mobile!, body: "Your order is ready", idempotencyKey: key }, { gateway });
  if (result.status !== "sent") throw new Error(`not sent: ${JSON.stringify(result)}`);
  return result;
}

/** Twilio's status callback for a message, correctly signed. */
function report(sid: string, messageStatus: string, extra: Record<string, string> = {}) {
  const params = { AccountSid: "AC0123", MessageSid: sid, SmsSid: sid, MessageStatus: messageStatus, SmsStatus: messageStatus, To: "+33612345678", From: "+15005550006", ApiVersion: "2010-04-01", ...extra };
  return status(twilioPost(STATUS_URL, params, signLikeTwilio(TOKEN, STATUS_URL, params)));
}

const sms = (id: number) => prisma().smsMessage.findUniqueOrThrow({ where: { id } });
const balance = async (accountId: number) => (await prisma().iapAccount.findUniqueOrThrow({ where: { id: accountId } })).balance;
const refunds = (accountId: number) => prisma().ledgerEntry.findMany({ where: { accountId, kind: "REFUND" } });

describe("POST /api/sms/status", () => {
  it("the Twilio gateway asks for reports at APP_URL/api/sms/status; a signed 'delivered' makes the message Delivered", async () => {
    const ctx = await setup();
    const sent = await sendOne(ctx);
    const request = api.messages.at(-1)!;
    expect(request.form.get("StatusCallback")).toBe(STATUS_URL);
    expect((await sms(sent.smsId)).state).toBe("SENT");

    const answer = await report(request.sid, "delivered");
    expect(answer.status).toBe(200);
    const after = await sms(sent.smsId);
    expect(after.state).toBe("DELIVERED");
    expect(after.deliveredAt).not.toBeNull();
  });

  it("refuses with 403, changing nothing, a wrong URL, a changed parameter, another token, or no signature", async () => {
    const ctx = await setup();
    const sent = await sendOne(ctx);
    const sid = api.messages.at(-1)!.sid;
    const params = { AccountSid: "AC0123", MessageSid: sid, MessageStatus: "delivered" };
    const attempts = [
      twilioPost(STATUS_URL, params, signLikeTwilio(TOKEN, `${APP_URL}/api/sms/status?x=1`, params)),
      twilioPost(STATUS_URL, { ...params, MessageStatus: "failed", ErrorCode: "30008" }, signLikeTwilio(TOKEN, STATUS_URL, params)),
      twilioPost(STATUS_URL, params, signLikeTwilio("another-token", STATUS_URL, params)),
      twilioPost(STATUS_URL, params, null),
      twilioPost(STATUS_URL, params, "not-a-signature"),
    ];
    for (const request of attempts) {
      const answer = await status(request);
      expect(answer.status).toBe(403);
    }
    expect((await sms(sent.smsId)).state).toBe("SENT");
    // The URL counts whole: the same callback posted where Twilio was told, signed over it, passes.
    expect((await status(twilioPost(STATUS_URL, params, signLikeTwilio(TOKEN, STATUS_URL, params)))).status).toBe(200);
  });

  it("answers 200 and ignores a signed report about a message the app does not know", async () => {
    const answer = await report("SM_not_ours_00000000000000000000", "delivered");
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ outcome: "unknown" });
  });

  it("moves forward only: replays change nothing, a late 'sent' or 'queued' never overwrites 'delivered', nor a late failure", async () => {
    const ctx = await setup();
    const sent = await sendOne(ctx);
    const sid = api.messages.at(-1)!.sid;
    expect(await (await report(sid, "queued")).json()).toEqual({ outcome: "unchanged" });
    expect(await (await report(sid, "sent")).json()).toEqual({ outcome: "unchanged" });
    expect(await (await report(sid, "delivered")).json()).toEqual({ outcome: "updated" });
    const delivered = await sms(sent.smsId);
    for (const late of ["delivered", "sent", "queued", "sending"]) expect(await (await report(sid, late)).json()).toEqual({ outcome: "unchanged" });
    expect(await (await report(sid, "undelivered", { ErrorCode: "30008" })).json()).toEqual({ outcome: "unchanged" });
    const after = await sms(sent.smsId);
    expect(after).toMatchObject({ state: "DELIVERED", failureReason: null, refundedAt: null });
    expect(after.deliveredAt).toEqual(delivered.deliveredAt);
    expect(await refunds(ctx.account.id)).toHaveLength(0);
  });

  it("a failure of the recipient's number (30003 unreachable) is recorded with its reason and stays charged", async () => {
    const ctx = await setup();
    const before = await balance(ctx.account.id);
    const sent = await sendOne(ctx);
    expect(await balance(ctx.account.id)).toBe(before - sent.credits);
    await report(api.messages.at(-1)!.sid, "undelivered", { ErrorCode: "30003" });
    expect(await sms(sent.smsId)).toMatchObject({ state: "FAILED", failureReason: "unreachable", carrierErrorCode: 30003, refundedAt: null });
    expect(await balance(ctx.account.id)).toBe(before - sent.credits);
    expect(await refunds(ctx.account.id)).toHaveLength(0);
  });

  it("a failure on the way (30008, 30001, 30036) is refunded once, with a REFUND entry linked to the message, however often it is reported", async () => {
    for (const [code, reason] of [["30008", "carrier-error"], ["30001", "queue-overflow"], ["30036", "expired"]] as const) {
      const ctx = await setup();
      const before = await balance(ctx.account.id);
      const sent = await sendOne(ctx, `k-${code}`);
      const sid = api.messages.at(-1)!.sid;
      await report(sid, "sent");
      await Promise.all([report(sid, "failed", { ErrorCode: code }), report(sid, "failed", { ErrorCode: code }), report(sid, "undelivered", { ErrorCode: code })]);
      await report(sid, "failed", { ErrorCode: code });
      expect(await sms(sent.smsId)).toMatchObject({ state: "FAILED", failureReason: reason });
      expect(await balance(ctx.account.id)).toBe(before);
      const entries = await refunds(ctx.account.id);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ amount: sent.credits, reference: `sms:${sent.smsId}`, idempotencyKey: `sms-refund:${sent.smsId}` });
      expect((await verifyLedger({ companyId: ctx.company.id })).ok).toBe(true);
    }
  });

  it("refuses a body over the limit with 413", async () => {
    const big = "x".repeat(70 * 1024);
    const answer = await status(new Request(STATUS_URL, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: `Body=${big}` }));
    expect(answer.status).toBe(413);
  });
});

describe("mass SMS and delivery reports", () => {
  it("the summary counts delivered, failed and pending; a refundable failure in a batch comes back once; the ledger conserves", async () => {
    const ctx = await setup();
    const others = [];
    for (const [name, mobile] of [["Alex Dupont", "+33 6 22 33 44 55"], ["Bea Roux", "+33 6 33 44 55 66"], ["Carl Petit", "+33 6 44 55 66 77"]]) {
      others.push(await prisma().contact.create({ data: { companyId: ctx.company.id, name, mobile, country: "FR" } }));
    }
    const before = await balance(ctx.account.id);
    const first = api.messages.length;
    const { queued, progress } = await sendMassSms(
      { companyId: ctx.company.id, userId: ctx.user.id, contactIds: [ctx.contact.id, ...others.map((o) => o.id)], body: "Sale today", idempotencyKey: "mass-reports" },
      { gateway },
    );
    expect(queued.status).toBe("queued");
    expect(progress).toMatchObject({ sent: 4, failed: 0, delivered: 0, undelivered: 0, awaitingReport: 4, done: true });
    const sids = api.messages.slice(first).map((m) => m.sid);
    expect(sids).toHaveLength(4);
    const charged = before - (await balance(ctx.account.id));
    expect(charged).toBe(progress!.credits);

    await report(sids[0], "delivered");
    await report(sids[1], "delivered");
    await report(sids[2], "failed", { ErrorCode: "30001" });
    await report(sids[2], "failed", { ErrorCode: "30001" });
    expect(await massSmsProgress(ctx.company.id, "mass-reports")).toMatchObject({ sent: 4, delivered: 2, undelivered: 1, awaitingReport: 1 });
    const failedRow = await prisma().smsMessage.findFirstOrThrow({ where: { gatewayId: sids[2] } });
    expect(await balance(ctx.account.id)).toBe(before - charged + failedRow.credits);
    expect(await refunds(ctx.account.id)).toHaveLength(1);
    expect((await verifyLedger({ companyId: ctx.company.id })).ok).toBe(true);
  });
});

describe("Twilio refusing an unsubscribed number (21610)", () => {
  it("puts the number on the company's opt-out list, so the next send is refused before calling Twilio", async () => {
    const ctx = await setup({ mobile: "+33 6 77 88 99 00" });
    const refusing: SmsGateway = {
      name: "Twilio",
      testMode: false,
      send: async () => {
        throw new SmsGatewayError("unsubscribed");
      },
    };
    const first = await sendSms({ companyId: ctx.company.id, userId: ctx.user.id, contactId: ctx.contact.id, number: ctx.contact.mobile!, body: "Hi", idempotencyKey: "u1" }, { gateway: refusing });
    expect(first).toMatchObject({ status: "failed", code: "unsubscribed" });
    expect(await prisma().smsOptOut.findFirst({ where: { companyId: ctx.company.id, number: "+33677889900" } })).toMatchObject({ source: "carrier" });
    const second = await sendSms({ companyId: ctx.company.id, userId: ctx.user.id, contactId: ctx.contact.id, number: ctx.contact.mobile!, body: "Hi", idempotencyKey: "u2" }, { gateway });
    expect(second).toEqual({ status: "failed", code: "opted-out", smsId: null });
  });
});

describe("sender", () => {
  it("sends from the company's name where the country allows it, from the number elsewhere", async () => {
    const ctx = await setup({ sender: "DemoCo" });
    await sendOne(ctx);
    expect(api.messages.at(-1)!.form.get("From")).toBe("DemoCo");
    const us = await prisma().contact.create({ data: { companyId: ctx.company.id, name: "Sam Lee", mobile: "+1 415 555 0134", country: "US" } });
    const result = await sendSms({ companyId: ctx.company.id, userId: ctx.user.id, contactId: us.id, number: us.mobile!, body: "Hi", idempotencyKey: "us" }, { gateway });
    expect(result.status).toBe("sent");
    expect(api.messages.at(-1)!.form.get("From")).toBe("+15005550006");
  });
});

describe("POST /api/sms/inbound (STOP / START)", () => {
  function reply(from: string, body: string, token = TOKEN) {
    const params = { AccountSid: "AC0123", MessageSid: "SMinbound", From: from, To: "+15005550006", Body: body, NumMedia: "0" };
    return inbound(twilioPost(INBOUND_URL, params, signLikeTwilio(token, INBOUND_URL, params)));
  }

  it("STOP opts the number out for every company that sent to it: single sends refused at no cost, mass SMS skips it; START opts back in", async () => {
    const number = "+33 6 98 76 54 32";
    const a = await setup({ mobile: number });
    const b = await setup({ mobile: number });
    const stranger = await setup({ mobile: "+33 6 11 11 11 11" });
    await sendOne(a);
    await sendOne(b);

    expect((await reply("+33698765432", "STOP", "wrong-token")).status).toBe(403);
    expect(await prisma().smsOptOut.count({ where: { number: "+33698765432" } })).toBe(0);

    const answer = await reply("+33698765432", "Arrêt");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toContain("text/xml");
    const optOuts = await prisma().smsOptOut.findMany({ where: { number: "+33698765432" } });
    expect(optOuts.map((o) => o.companyId).sort()).toEqual([a.company.id, b.company.id].sort());
    expect(optOuts[0]).toMatchObject({ source: "reply", keyword: "ARRET" });
    expect(await prisma().smsOptOut.count({ where: { companyId: stranger.company.id } })).toBe(0);

    const before = await balance(a.account.id);
    const messages = await prisma().smsMessage.count({ where: { companyId: a.company.id } });
    const refused = await sendSms({ companyId: a.company.id, userId: a.user.id, contactId: a.contact.id, number, body: "Hello again", idempotencyKey: "after-stop" }, { gateway });
    expect(refused).toEqual({ status: "failed", code: "opted-out", smsId: null });
    expect(await balance(a.account.id)).toBe(before);
    expect(await prisma().smsMessage.count({ where: { companyId: a.company.id } })).toBe(messages);

    const other = await prisma().contact.create({ data: { companyId: a.company.id, name: "Alex Dupont", mobile: "+33 6 22 33 44 55", country: "FR" } });
    const mass = await sendMassSms({ companyId: a.company.id, userId: a.user.id, contactIds: [a.contact.id, other.id], body: "Sale today", idempotencyKey: "mass-1" }, { gateway });
    expect(mass.queued).toMatchObject({ status: "queued", messages: 1, skipped: 1 });
    expect(mass.progress).toMatchObject({ sent: 1, failed: 0 });
    const massRows = await prisma().smsMessage.findMany({ where: { companyId: a.company.id, batchKey: "mass-1" } });
    expect(massRows.map((r) => r.number)).toEqual(["+33622334455"]);

    expect((await reply("+33698765432", "start")).status).toBe(200);
    expect(await prisma().smsOptOut.count({ where: { number: "+33698765432" } })).toBe(0);
    const again = await sendSms({ companyId: a.company.id, userId: a.user.id, contactId: a.contact.id, number, body: "Welcome back", idempotencyKey: "after-start" }, { gateway });
    expect(again.status).toBe("sent");
    expect((await verifyLedger({ companyId: a.company.id })).ok).toBe(true);
  });

  it("a reply Twilio's Advanced Opt-Out marked as STOP (a custom keyword) opts out too", async () => {
    const a = await setup({ mobile: "+33 6 12 12 12 12" });
    await sendOne(a);
    const params = { AccountSid: "AC0123", MessageSid: "SMinbound2", From: "+33612121212", To: "+15005550006", Body: "Désabonner", OptOutType: "STOP" };
    expect((await inbound(twilioPost(INBOUND_URL, params, signLikeTwilio(TOKEN, INBOUND_URL, params)))).status).toBe(200);
    expect(await prisma().smsOptOut.findFirst({ where: { companyId: a.company.id, number: "+33612121212" } })).toMatchObject({ source: "reply", keyword: "DÉSABONNER" });
  });

  it("an ordinary reply changes nothing", async () => {
    const a = await setup({ mobile: "+33 6 55 44 33 22" });
    await sendOne(a);
    expect((await reply("+33655443322", "Please stop by at 5")).status).toBe(200);
    expect(await prisma().smsOptOut.count({ where: { number: "+33655443322" } })).toBe(0);
  });
});
