import "server-only";
import { pool } from "@/lib/db/client";
import { forecast, FORECAST_WINDOW_DAYS, type Forecast } from "./forecast";

// Usage at a glance, read from usage_day (the ledger summed per account, day,
// user and kind of work by a trigger): one small indexed read per page,
// whatever the size of the ledger. Days are the company's (company.time_zone).

export const USAGE_PERIODS = [30, 90] as const;
export type UsagePeriod = (typeof USAGE_PERIODS)[number];

export interface UsageDayPoint {
  /** "YYYY-MM-DD" in the company's time zone. */
  day: string;
  used: bigint;
  granted: bigint;
}

export interface AccountUsage {
  period: UsagePeriod;
  /** One point per day, oldest first, ending today; days without movement are zeros. */
  days: UsageDayPoint[];
  /** Units used in the period per user (userId 0: work without a user, e.g. the API). */
  byUser: { userId: number; userName: string | null; used: bigint }[];
  /** Units used in the period per kind of work (the reference's type: "contact", "document"…). */
  byKind: { kind: string; used: bigint }[];
  totalUsed: bigint;
  forecast: Forecast;
}

interface DayRow {
  day: string;
  user_id: number;
  user_name: string | null;
  kind: string;
  used: string;
  granted: string;
}

/** The account's usage over the last `period` days and the forecast; null when the account is not the company's. */
export async function accountUsage(companyId: number, accountId: number, period: UsagePeriod): Promise<AccountUsage | null> {
  const span = Math.max(period, FORECAST_WINDOW_DAYS + 1);
  const { rows } = await pool().query<DayRow & { today: string; available: string }>({
    name: "iap_account_usage",
    text: `WITH a AS (
       SELECT a.id, a.balance - a.held AS available, (now() AT TIME ZONE c.time_zone)::date AS today
         FROM iap_account a JOIN company c ON c.id = a.company_id
        WHERE a.id = $1 AND a.company_id = $2
     )
     SELECT to_char(a.today, 'YYYY-MM-DD') AS today, a.available,
            to_char(d.day, 'YYYY-MM-DD') AS day, d.user_id, u.name AS user_name, d.kind, d.used, d.granted
       FROM a LEFT JOIN usage_day d ON d.account_id = a.id AND d.day > a.today - $3::int
       LEFT JOIN app_user u ON u.id = d.user_id AND d.user_id <> 0`,
    values: [accountId, companyId, span],
  });
  if (rows.length === 0) return null;
  const today = rows[0].today;
  const available = BigInt(rows[0].available);
  const calendar = lastDays(today, span);
  const perDay = new Map(calendar.map((day) => [day, { day, used: 0n, granted: 0n }]));
  const firstDayOfPeriod = calendar[calendar.length - period];
  const byUser = new Map<number, { userId: number; userName: string | null; used: bigint }>();
  const byKind = new Map<string, bigint>();
  for (const row of rows) {
    if (row.day === null) continue;
    const point = perDay.get(row.day);
    if (!point) continue;
    const used = BigInt(row.used);
    point.used += used;
    point.granted += BigInt(row.granted);
    if (row.day >= firstDayOfPeriod && used > 0n) {
      const user = byUser.get(row.user_id) ?? { userId: row.user_id, userName: row.user_name, used: 0n };
      user.used += used;
      byUser.set(row.user_id, user);
      byKind.set(row.kind, (byKind.get(row.kind) ?? 0n) + used);
    }
  }
  const series = calendar.map((day) => perDay.get(day)!);
  const days = series.slice(-period);
  const complete = series.slice(0, -1).map((point) => point.used);
  return {
    period,
    days,
    byUser: [...byUser.values()].sort((x, y) => (y.used > x.used ? 1 : y.used < x.used ? -1 : 0)),
    byKind: [...byKind.entries()].map(([kind, used]) => ({ kind, used })).sort((x, y) => (y.used > x.used ? 1 : y.used < x.used ? -1 : 0)),
    totalUsed: days.reduce((sum, point) => sum + point.used, 0n),
    forecast: forecast(complete.slice(-FORECAST_WINDOW_DAYS), series[series.length - 1].used, available),
  };
}

/** Units used per day over the last `days` days for each of the company's accounts (the IAP Account list's trend). */
export async function usageTrends(companyId: number, days = 14): Promise<Map<number, bigint[]>> {
  const { rows } = await pool().query<{ account_id: number; today: string; day: string | null; used: string | null }>({
    name: "iap_usage_trends",
    text: `WITH a AS (
       SELECT a.id, (now() AT TIME ZONE c.time_zone)::date AS today
         FROM iap_account a JOIN company c ON c.id = a.company_id WHERE a.company_id = $1
     )
     SELECT a.id AS account_id, to_char(a.today, 'YYYY-MM-DD') AS today, to_char(d.day, 'YYYY-MM-DD') AS day, sum(d.used) AS used
       FROM a LEFT JOIN usage_day d ON d.account_id = a.id AND d.day > a.today - $2::int
      GROUP BY a.id, a.today, d.day`,
    values: [companyId, days],
  });
  const trends = new Map<number, bigint[]>();
  for (const row of rows) {
    if (!trends.has(row.account_id)) trends.set(row.account_id, new Array<bigint>(days).fill(0n));
    if (row.day === null) continue;
    const calendar = lastDays(row.today, days);
    const index = calendar.indexOf(row.day);
    if (index >= 0) trends.get(row.account_id)![index] = BigInt(row.used ?? 0);
  }
  return trends;
}

/** The `count` calendar days ending with `today` ("YYYY-MM-DD"), oldest first. */
export function lastDays(today: string, count: number): string[] {
  const end = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(end - (count - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

/** The forecast of each account (the alert e-mails), from the same daily totals as the page. */
export async function forecastsFor(accountIds: number[]): Promise<Map<number, Forecast>> {
  if (accountIds.length === 0) return new Map();
  const span = FORECAST_WINDOW_DAYS + 1;
  const { rows } = await pool().query<{ id: number; today: string; available: string; day: string | null; used: string | null }>(
    `WITH a AS (
       SELECT a.id, a.balance - a.held AS available, (now() AT TIME ZONE c.time_zone)::date AS today
         FROM iap_account a JOIN company c ON c.id = a.company_id WHERE a.id = ANY($1::int[])
     )
     SELECT a.id, to_char(a.today, 'YYYY-MM-DD') AS today, a.available, to_char(d.day, 'YYYY-MM-DD') AS day, sum(d.used) AS used
       FROM a LEFT JOIN usage_day d ON d.account_id = a.id AND d.day > a.today - $2::int
      GROUP BY a.id, a.today, a.available, d.day`,
    [accountIds, span],
  );
  const series = new Map<number, { today: string; available: bigint; used: Map<string, bigint> }>();
  for (const row of rows) {
    const entry = series.get(row.id) ?? { today: row.today, available: BigInt(row.available), used: new Map() };
    if (row.day) entry.used.set(row.day, BigInt(row.used ?? 0));
    series.set(row.id, entry);
  }
  const result = new Map<number, Forecast>();
  for (const [id, entry] of series) {
    const days = lastDays(entry.today, span).map((day) => entry.used.get(day) ?? 0n);
    result.set(id, forecast(days.slice(0, -1), days[days.length - 1], entry.available));
  }
  return result;
}
