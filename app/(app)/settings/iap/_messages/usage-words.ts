// Words for the usage codes lib/iap returns (kinds of work, the forecast),
// from the "iap" catalogue (messages/<locale>/iap.json, `usage.*`).
import type { Forecast } from "@/lib/iap/forecast";
import type { Translator } from "../../../iap/_messages/service-words";

/** The reference's type (what the credits paid for) → what users call it; an unknown type shows as it is. */
export function workKindLabel(t: Translator, kind: string): string {
  return t.has(`usage.kinds.${kind}`) ? t(`usage.kinds.${kind}`) : kind;
}

export function forecastText(t: Translator, forecast: Forecast): string {
  if (forecast.kind === "no-usage") return t("usage.forecast.noUsage");
  if (forecast.days === 0) return t("usage.forecast.today");
  if (forecast.days > 3650) return t("usage.forecast.decade");
  return t("usage.forecast.days", { days: forecast.days });
}
