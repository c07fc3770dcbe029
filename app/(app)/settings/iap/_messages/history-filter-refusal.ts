// Why the history CSV export refused its filter, in the exporter's language:
// the sentence from the "iap" catalogue (`history.exportInvalidFilter`), each
// field's problem worded by the validation catalogue (lib/i18n/issues.ts).
import { z } from "zod";
import { translatorFor } from "@/lib/i18n/catalogue";
import { sayIssues } from "@/lib/i18n/issues";
import type { Locale } from "@/lib/i18n/locales";
import type { historyFilterSchema } from "@/lib/iap/history-filter";

export function historyFilterRefusal(error: z.ZodError<z.output<typeof historyFilterSchema>>, locale: Locale): string {
  const problems = Object.entries(z.flattenError(sayIssues(error, locale)).fieldErrors).map(([field, messages]) => `${field}: ${messages?.join(" ")}`);
  return translatorFor(locale, "iap")("history.exportInvalidFilter", { problems: problems.join("; ") });
}
