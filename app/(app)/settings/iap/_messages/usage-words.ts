// Words for the usage codes lib/iap returns (kinds of work, the forecast).
import type { Forecast } from "@/lib/iap/forecast";

/** The reference's type (what the credits paid for) → what users call it. */
const WORK_KINDS: Record<string, string> = {
  contact: "SMS to a contact",
  "sms-batch": "Mass SMS",
  document: "Document digitization",
  letter: "Letter by post",
  lead_request: "Lead generation request",
  visitor_rule: "Visits to leads",
  company_directory: "Partner autocomplete",
  sign: "Signature verification",
  other: "Other",
};

export function workKindLabel(kind: string): string {
  return WORK_KINDS[kind] ?? kind;
}

export function forecastText(forecast: Forecast): string {
  if (forecast.kind === "no-usage") return "No recent usage: the credits are not being used up.";
  if (forecast.days === 0) return "At the current rate, your credits run out today.";
  if (forecast.days > 3650) return "At the current rate, your credits last more than ten years.";
  return `At the current rate, your credits last about ${forecast.days.toLocaleString("en")} ${forecast.days === 1 ? "day" : "days"}.`;
}

export const FORECAST_METHOD =
  "The rate is a weighted average of the last 28 days' use, recent days weighing more (a day counts half as much as one a week later), so bursts are spread over the quiet days between them.";
