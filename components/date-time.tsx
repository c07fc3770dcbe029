// The one way a date or time is shown: in the reader's language and time zone
// (i18n/request.ts: the user's zone, else the company's; UTC when signed out),
// the same text on the server and in the browser. A calendar date
// (`dateOnly`: an invoice date stored as midnight UTC) is the same day
// everywhere, so it stays UTC. No "use client": a server page renders it with
// the request's settings, a client component with the provider's (the same).
import { createFormatter, useLocale, useTimeZone } from "next-intl";

// Explicit fields rather than dateStyle/timeStyle: those cannot be combined
// with timeZoneName, and the zone is what tells the reader which time it is.
const DATE_TIME = { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" } as const;

// English reads day-month-year on a 24-hour clock, as it always has here
// ("21 Nov 2026, 20:51 UTC"), not the American "Nov 21, 2026, 08:51 PM".
const formattingLocale = (locale: string) => (locale === "en" ? "en-GB" : locale);

// One formatter per language and zone, kept: each keeps the Intl.DateTimeFormat
// it builds, and building one costs ~100 times more than using it — a fresh
// formatter per call made a 50-row history build 50 of them on every render.
// Bounded by languages × IANA zones in use.
const formatters = new Map<string, ReturnType<typeof createFormatter>>();
function formatterFor(locale: string, timeZone: string) {
  const key = `${locale} ${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = createFormatter({ locale: formattingLocale(locale), timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** "21 Nov 2026, 21:51 CET", "21 nov. 2026, 21:51 UTC+1", "2026年11月21日 21:51 [GMT+1]": in `timeZone` (UTC by default). */
export function formatDateTime(value: Date, locale = "en", timeZone = "UTC"): string {
  return formatterFor(locale, timeZone).dateTime(value, DATE_TIME);
}

/** "21 Nov 2026": a calendar date, the same day in every zone. */
export function formatDate(value: Date, locale = "en"): string {
  return formatterFor(locale, "UTC").dateTime(value, { dateStyle: "medium" });
}

export function DateTime({ value, dateOnly = false, className }: { value: Date | string | null | undefined; dateOnly?: boolean; className?: string }) {
  const locale = useLocale();
  const timeZone = useTimeZone() ?? "UTC";
  const date = value == null ? null : new Date(value);
  if (!date) return <span className="text-gray-600">—</span>;
  const text = dateOnly ? formatDate(date, locale) : formatDateTime(date, locale, timeZone);
  // The title gives the instant in UTC too, for comparing with logs and other people's screens.
  const utc = dateOnly || timeZone === "UTC" ? undefined : formatDateTime(date, locale);
  return (
    <time dateTime={dateOnly ? date.toISOString().slice(0, 10) : date.toISOString()} title={utc} className={className}>
      {text}
    </time>
  );
}
