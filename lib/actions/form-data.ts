// FormData as the action wrapper hands it to zod, and what of it may go back
// to the browser. The field schemas forms share (formList, formFile) are in
// lib/form-fields.ts, below every slice that declares a form.
import type { FormValues } from "./state";

/**
 * A plain object of the form's fields for a zod schema: a field sent once is a
 * string (or a File), a field sent several times (checkboxes, multi-selects) a
 * list. React's own fields (`$ACTION_…`) are left out.
 */
export function formDataToInput(formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const input: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const name of new Set(formData.keys())) {
    if (name.startsWith("$ACTION_")) continue;
    const all = formData.getAll(name);
    input[name] = all.length === 1 ? all[0] : all;
  }
  return input;
}

/** Field names never echoed back, whatever the action: passwords, secrets, tokens, card data. */
const SECRET_FIELD = /pass(word|phrase)?|secret|token|otp|card|cvc|cvv|iban|api.?key/i;

/**
 * Longer values are not echoed: the schemas refuse far shorter input, and a
 * drawn signature (a data URL) is no use back in a text field.
 */
const MAX_KEPT_LENGTH = 50_000;

/**
 * The submitted values a refused form may show again. React 19 resets an
 * uncontrolled form after its action, so without these a refusal would wipe
 * what was typed. Files, secrets (by name, or listed in `secret`) and React's
 * own fields stay on the server.
 */
export function keptValues(formData: FormData, secret: readonly string[] = []): FormValues {
  const values: FormValues = {};
  for (const name of new Set(formData.keys())) {
    if (name.startsWith("$ACTION_") || SECRET_FIELD.test(name) || secret.includes(name)) continue;
    const texts = formData.getAll(name).filter((value): value is string => typeof value === "string" && value.length <= MAX_KEPT_LENGTH);
    if (texts.length === 0) continue;
    values[name] = texts.length === 1 ? texts[0] : texts;
  }
  return values;
}
