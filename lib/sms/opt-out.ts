import "server-only";
import { pool } from "@/lib/db/client";
import { parsePhone } from "@/lib/contacts/phone";

// The opt-out list: numbers that replied STOP (or that an admin added) get no
// SMS from the company until they reply START. Single sends to them are
// refused, mass SMS skips them; neither uses a credit.
//
// Which company does a reply belong to? The deployment has one Twilio
// account, so every company's SMS leave from the same number (alphanumeric
// sender names cannot be replied to). A reply to that number is therefore
// recorded for every company that has sent an SMS to the replying number:
// each of them may have been the one the recipient meant, and carriers
// expect STOP to stop all of them (Twilio blocks the pair itself, too).

export type ReplyAction = "opt-out" | "opt-in";

// Whole-message keywords, as carriers and Twilio read them (Twilio's default
// opt-out and opt-in keywords, the French ARRET / STOP SMS, the Chinese 退订 / TD).
const KEYWORDS: Record<string, ReplyAction> = {
  STOP: "opt-out",
  STOPALL: "opt-out",
  UNSUBSCRIBE: "opt-out",
  CANCEL: "opt-out",
  END: "opt-out",
  QUIT: "opt-out",
  ARRET: "opt-out",
  "STOP SMS": "opt-out",
  退订: "opt-out",
  TD: "opt-out",
  START: "opt-in",
  UNSTOP: "opt-in",
  YES: "opt-in",
};

/** The keyword a reply is, if it is one: case, accents (ARRÊT), surrounding spaces and a final "." or "!" do not matter. */
export function replyKeyword(body: string): { action: ReplyAction; keyword: string } | null {
  const normalized = body
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .trim()
    .replace(/[.!。！]+$/u, "")
    .replace(/\s+/g, " ")
    .toUpperCase();
  const action = KEYWORDS[normalized];
  return action ? { action, keyword: normalized } : null;
}

export type InboundOutcome = { action: ReplyAction | null; companies: number };

/** An inbound SMS (Twilio's webhook): records an opt-out or opt-in for every company that sent to this number; other messages change nothing. */
export async function recordInboundReply(input: { from: string; body: string; optOutType?: "STOP" | "START" | "HELP" }): Promise<InboundOutcome> {
  // Twilio's own verdict (Advanced Opt-Out, custom keywords) wins over ours.
  const reply =
    input.optOutType === "STOP" || input.optOutType === "START"
      ? { action: (input.optOutType === "STOP" ? "opt-out" : "opt-in") as ReplyAction, keyword: input.body.trim().toUpperCase().slice(0, 40) }
      : replyKeyword(input.body);
  const number = parsePhone(input.from)?.e164;
  if (!reply || !number) return { action: reply?.action ?? null, companies: 0 };
  if (reply.action === "opt-out") {
    const { rowCount } = await pool().query(
      `INSERT INTO sms_opt_out (company_id, number, source, keyword)
       SELECT DISTINCT company_id, $1, 'reply', $2 FROM sms_message WHERE number = $1
       ON CONFLICT (company_id, number) DO NOTHING`,
      [number, reply.keyword],
    );
    return { action: "opt-out", companies: rowCount ?? 0 };
  }
  const { rowCount } = await pool().query("DELETE FROM sms_opt_out WHERE number = $1", [number]);
  return { action: "opt-in", companies: rowCount ?? 0 };
}

/** The gateway refused a send because the number unsubscribed there (Twilio 21610): put it on the company's list, so the next send is refused before any call. */
export async function recordCarrierOptOut(companyId: number, number: string): Promise<void> {
  await pool().query(
    "INSERT INTO sms_opt_out (company_id, number, source) VALUES ($1, $2, 'carrier') ON CONFLICT (company_id, number) DO NOTHING",
    [companyId, number],
  );
}

/** The numbers (E.164) of `numbers` that opted out of this company's SMS. */
export async function optedOutNumbers(companyId: number, numbers: string[]): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const { rows } = await pool().query<{ number: string }>("SELECT number FROM sms_opt_out WHERE company_id = $1 AND number = ANY($2::text[])", [companyId, numbers]);
  return new Set(rows.map((r) => r.number));
}

export interface OptOutEntry {
  id: number;
  number: string;
  source: string;
  keyword: string | null;
  createdAt: Date;
}

export async function listOptOuts(companyId: number): Promise<OptOutEntry[]> {
  const { rows } = await pool().query<{ id: number; number: string; source: string; keyword: string | null; created_at: Date }>(
    "SELECT id, number, source, keyword, created_at FROM sms_opt_out WHERE company_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1000",
    [companyId],
  );
  return rows.map((r) => ({ id: r.id, number: r.number, source: r.source, keyword: r.keyword, createdAt: r.created_at }));
}

export type AddOptOutResult = { status: "added" | "already"; number: string } | { status: "invalid-number" };

/** An admin adds a number (as typed; the company's country applies to a national number). */
export async function addOptOut(companyId: number, userId: number, raw: string): Promise<AddOptOutResult> {
  const { rows: company } = await pool().query<{ country: string }>("SELECT country FROM company WHERE id = $1", [companyId]);
  const phone = parsePhone(raw, { company: company[0]?.country });
  if (!phone) return { status: "invalid-number" };
  const { rowCount } = await pool().query(
    `INSERT INTO sms_opt_out (company_id, number, source, created_by_id) VALUES ($1, $2, 'admin', $3)
     ON CONFLICT (company_id, number) DO NOTHING`,
    [companyId, phone.e164, userId],
  );
  return { status: rowCount ? "added" : "already", number: phone.e164 };
}

/** Takes a number off the company's list (the recipient asked to receive SMS again). */
export async function removeOptOut(companyId: number, id: number): Promise<boolean> {
  const { rowCount } = await pool().query("DELETE FROM sms_opt_out WHERE company_id = $1 AND id = $2", [companyId, id]);
  return (rowCount ?? 0) > 0;
}
