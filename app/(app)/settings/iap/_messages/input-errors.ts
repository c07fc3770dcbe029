// The IAP schemas (lib/iap/schemas.ts, lib/billing/schemas.ts) give their
// issues codes as messages; this says them in the reader's language before the
// action wrapper flattens them into field errors. A message that is no code of
// ours (a shared field's own check) is left as it came.
import { z } from "zod";
import type { Translator } from "../../../iap/_messages/service-words";

export function sayIssues(error: z.ZodError, t: Translator, values: Record<string, string | number> = {}): z.ZodError {
  return new z.ZodError(error.issues.map((issue) => (t.has(`errors.${issue.message}`) ? { ...issue, message: t(`errors.${issue.message}`, values) } : issue)));
}
