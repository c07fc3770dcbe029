// Validation messages as codes. A lib/ schema gives each issue a code as its
// message ("sms.bodyTooLong"): a key of messages/<locale>/validation.json,
// worded here in the reader's language with the issue's own figures
// (`{maximum}`, `{minimum}`, a custom issue's `params`). The action wrapper
// does it for every action; a page or the CLI that parses on its own calls it
// too. A message that is no key there (zod's own, already in the caller's
// language) is left as it came.
import { z } from "zod";
import { loadMessages, translatorFor } from "./catalogue";
import type { Locale } from "./locales";

export const VALIDATION_NAMESPACE = "validation";

const CODE = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9-]*)+$/;

/** True when `message` is a code of the validation catalogue (the English one: every locale has the same keys). */
export function isValidationCode(message: string): boolean {
  if (!CODE.test(message)) return false;
  let node: unknown = loadMessages("en")[VALIDATION_NAMESPACE];
  for (const part of message.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === "string";
}

/** The figures an issue carries, as ICU values: a too_small's `minimum`, a too_big's `maximum`, a custom issue's `params`. */
function valuesOf(issue: z.core.$ZodIssue): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  if ("minimum" in issue) values.minimum = Number(issue.minimum);
  if ("maximum" in issue) values.maximum = Number(issue.maximum);
  if (issue.code === "custom" && issue.params) {
    for (const [name, value] of Object.entries(issue.params)) if (typeof value === "string" || typeof value === "number") values[name] = value;
  }
  return values;
}

/** The same error with every coded message said in `locale`. */
export function sayIssues<T>(error: z.ZodError<T>, locale: Locale): z.ZodError<T> {
  const t = translatorFor(locale, VALIDATION_NAMESPACE);
  return new z.ZodError(error.issues.map((issue) => (isValidationCode(issue.message) ? { ...issue, message: t(issue.message, valuesOf(issue)) } : issue))) as z.ZodError<T>;
}
