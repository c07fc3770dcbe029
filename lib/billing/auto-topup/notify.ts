import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db/client";
import { env } from "@/lib/env";
import { deliverNow } from "@/lib/mail/deliver-now";
import { insertEmails, type NewEmail } from "@/lib/mail/outbox";
import type { EmailContent } from "@/lib/mail/templates";
import { formatMoney } from "@/lib/money";
import { alertLocale, packNameIn, serviceNameIn } from "@/lib/alerts/service-names";
import { formatPackCredits } from "../pack-pricing";
import type { PurchaseView } from "../purchases";
import { topupPaidEmail } from "./emails";

// Who hears about an auto top-up and what they are told: the account's
// warning address and every administrator, in the account's alert language.

/** Who hears about top-ups: the account's warning address and every administrator. */
export async function recipients(db: pg.ClientBase | pg.Pool, accountId: number) {
  const { rows } = await db.query(
    `SELECT a.warning_email, a.warning_locale, c.locale AS company_locale, c.id AS company_id, c.name AS company_name,
            COALESCE((SELECT array_agg(u.email ORDER BY u.id) FROM app_user u WHERE u.company_id = c.id AND u.role = 'ADMIN'), '{}') AS admins
       FROM iap_account a JOIN company c ON c.id = a.company_id WHERE a.id = $1`,
    [accountId],
  );
  const row = rows[0];
  const seen = new Set<string>();
  const to = [row.warning_email, ...row.admins].filter((email: string | null): email is string => {
    if (!email || seen.has(email.toLowerCase())) return false;
    seen.add(email.toLowerCase());
    return true;
  });
  // The account's alert language, as for the low-credit e-mails.
  return { to, companyId: row.company_id as number, companyName: row.company_name as string, locale: alertLocale(row) };
}

function accountUrl(accountId: number) {
  return `${env().APP_URL}/settings/iap/${accountId}`;
}

export type Recipients = Awaited<ReturnType<typeof recipients>>;

/** What both top-up e-mails say about the purchase, in their readers' language. */
export function topupEmailFacts(purchase: PurchaseView, who: Recipients) {
  return {
    locale: who.locale,
    companyName: who.companyName,
    serviceName: serviceNameIn(who.locale, purchase.service.technicalName, purchase.service.name),
    packName: packNameIn(who.locale, purchase.packCode, purchase.packName),
    amount: formatMoney(purchase.amount, purchase.currency, who.locale === "en" ? undefined : who.locale),
    accountUrl: accountUrl(purchase.accountId),
  };
}

/** One e-mail per recipient, each queued once per purchase and kind ("paid", "failed"). */
export function topupEmails(purchase: PurchaseView, who: Recipients, kind: "paid" | "failed", content: EmailContent): NewEmail[] {
  return who.to.map((to) => ({ companyId: who.companyId, to, dedupeKey: `auto-topup-${kind}:${purchase.id}:${to.toLowerCase()}`, ...content }));
}

export async function notifyTopupPaid(purchase: PurchaseView): Promise<void> {
  const who = await recipients(pool(), purchase.accountId);
  const { rows } = await pool().query("SELECT number FROM invoice WHERE purchase_id = $1", [purchase.id]);
  const content = topupPaidEmail({
    ...topupEmailFacts(purchase, who),
    credits: formatPackCredits(purchase.credits, purchase.service.decimals, who.locale),
    invoiceNumber: rows[0]?.number ?? null,
    invoiceUrl: `${accountUrl(purchase.accountId)}/purchases/${purchase.id}/invoice`,
  });
  const queued = await insertEmails(pool(), topupEmails(purchase, who, "paid", content));
  await sendNow(queued);
}

/** Sends what was just queued (its "mail.deliver" job retries if the mail server is not there). */
export async function sendNow(ids: number[]) {
  if (ids.length === 0) return;
  await deliverNow(ids).catch((error) => console.error("Auto top-up e-mails stay in the outbox:", error));
}
