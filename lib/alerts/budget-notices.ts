import "server-only";
import { withTransaction } from "@/lib/db/transaction";
import { env } from "@/lib/env";
import { BUDGET_NOTICE_RATIO } from "@/lib/iap/budgets";
import { formatCredits } from "@/lib/iap/units";
import { insertEmails, type NewEmail } from "@/lib/mail/outbox";
import { accountPath } from "@/lib/routes";
import { alertEmail } from "./alert-email";
import { alertLocale, serviceNameIn, unitNameIn } from "./service-names";
import { wordsFor } from "./words";

// The 80 % budget e-mail to the company's administrators: once per month per
// user and budget, marked on that month's budget_usage row (warned_at) in the
// transaction that queues the e-mails. The user and the admins also see it
// in the app, on every page, while it holds (the alerts banner).

export async function queueBudgetNotices(options: { companyId?: number } = {}): Promise<number> {
  const appUrl = env().APP_URL;
  return withTransaction(async (client) => {
    const { rows } = await client.query<{
      account_id: number;
      user_id: number;
      company_id: number;
      user_name: string;
      month: string;
      used: string;
      limit: string;
      hard: boolean;
      technical_name: string;
      service_name: string;
      decimals: number;
      unit_name: string;
      warning_locale: string | null;
      company_locale: string | null;
      admins: string[];
    }>(
      `WITH due AS (
         SELECT bu.account_id, bu.user_id, bu.month, COALESCE(b.limit, a.default_budget) AS "limit", COALESCE(b.hard, a.default_budget_hard) AS hard
           FROM budget_usage bu
           JOIN iap_account a ON a.id = bu.account_id
           LEFT JOIN user_budget b ON b.account_id = bu.account_id AND b.user_id = bu.user_id
          WHERE bu.warned_at IS NULL AND ($1::int IS NULL OR a.company_id = $1)
            AND bu.month = month_start_in((SELECT time_zone FROM company WHERE id = a.company_id), now())
            AND COALESCE(b.limit, a.default_budget) IS NOT NULL
            AND bu.used * ${BUDGET_NOTICE_RATIO.denominator} >= COALESCE(b.limit, a.default_budget) * ${BUDGET_NOTICE_RATIO.numerator}
          FOR UPDATE OF bu SKIP LOCKED
       ), marked AS (
         UPDATE budget_usage bu SET warned_at = now() FROM due
          WHERE bu.account_id = due.account_id AND bu.user_id = due.user_id AND bu.month = due.month AND bu.warned_at IS NULL
         RETURNING bu.account_id, bu.user_id, bu.month, bu.used, due."limit", due.hard
       )
       SELECT m.account_id, m.user_id, a.company_id, u.name AS user_name, to_char(m.month, 'YYYY-MM') AS month, m.used, m."limit", m.hard,
              s.technical_name, s.name AS service_name, s.decimals, s.unit_name, a.warning_locale, c.locale AS company_locale,
              ARRAY(SELECT x.email FROM app_user x WHERE x.company_id = a.company_id AND x.role = 'ADMIN' ORDER BY x.id) AS admins
         FROM marked m JOIN iap_account a ON a.id = m.account_id JOIN iap_service s ON s.id = a.service_id JOIN app_user u ON u.id = m.user_id
         JOIN company c ON c.id = a.company_id`,
      [options.companyId ?? null],
    );
    const emails: NewEmail[] = rows.flatMap((row) => {
      // The account's alert language (its warning e-mail's, else the company's); the month stays ISO (2026-12), the same in every language.
      const locale = alertLocale(row);
      const t = wordsFor(locale, "alerts");
      const values = {
        user: row.user_name,
        used: formatCredits(BigInt(row.used), row.decimals, { locale }),
        limit: formatCredits(BigInt(row.limit), row.decimals, { locale }),
        service: serviceNameIn(locale, row.technical_name, row.service_name),
        unit: unitNameIn(locale, row.unit_name),
        month: row.month,
      };
      const content = alertEmail({
        locale,
        subject: t("budget.subject", values),
        lines: [t("budget.used", values), row.hard ? t("budget.hard") : t("budget.soft")],
        button: { label: t("budget.review"), url: `${appUrl}${accountPath(row.account_id)}#budgets` },
        footer: t("budget.footer"),
      });
      return row.admins.map((to) => ({ companyId: row.company_id, to, dedupeKey: `budget-80:${row.account_id}:${row.user_id}:${row.month}:${to}`, ...content }));
    });
    return (await insertEmails(client, emails)).length;
  });
}
