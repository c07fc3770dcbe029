import { getLocale, getTranslations } from "next-intl/server";
import type { AccountDetail } from "@/lib/iap/account-views";
import { formatCredits } from "@/lib/iap/units";
import { localeOr } from "@/lib/i18n/locales";
import { formatMoney } from "@/lib/money";
import { serviceWords } from "../../../../iap/_messages/service-words";

// Built once per locale: an Intl formatter costs far more to make than to use, and a page formats dozens of days.
const formatters = new Map<string, { monthYear: Intl.DateTimeFormat; dayMonth: Intl.DateTimeFormat; figures: Intl.NumberFormat[] }>();
function formattersFor(locale: string) {
  let found = formatters.get(locale);
  if (!found) {
    found = {
      monthYear: new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }),
      dayMonth: new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }),
      figures: [0, 1, 2, 3, 4, 5, 6].map((decimals) => new Intl.NumberFormat(locale, { maximumFractionDigits: decimals })),
    };
    formatters.set(locale, found);
  }
  return found;
}

/**
 * What every card of the Account Information page says an account's figures
 * with, made once per render: the "iap" translator, the reader's language, the
 * service's words, and its amounts as text ("1,234.50", "1,234.50 credits").
 */
export async function accountView(account: AccountDetail) {
  const t = await getTranslations("iap");
  const locale = localeOr(await getLocale());
  const format = formattersFor(locale);
  const words = serviceWords(t, { technicalName: account.technicalName, name: account.serviceName, unitName: account.unitName, description: account.description });
  const plain = (units: bigint) => formatCredits(units, account.decimals, { locale });
  return {
    t,
    locale,
    account,
    words,
    unit: words.unit,
    plain,
    /** An amount as a form's initial value: no grouping, the reader's decimal mark. */
    input: (units: bigint) => formatCredits(units, account.decimals, { grouping: false, locale }),
    credits: (units: bigint) => t("list.amount", { credits: plain(units), unit: words.unit }),
    signed: (units: bigint) => (units > 0n ? "+" : "") + plain(units),
    money: (minor: number, currency: string) => formatMoney(minor, currency, locale === "en" ? undefined : locale),
    /** A chart value (a float of whole units) with the service's decimals at most. */
    figures: format.figures[Math.min(account.decimals, format.figures.length - 1)],
    dayLabel: (day: string) => format.dayMonth.format(new Date(`${day}T00:00:00Z`)),
    monthYear: format.monthYear,
  };
}

export type AccountView = Awaited<ReturnType<typeof accountView>>;
