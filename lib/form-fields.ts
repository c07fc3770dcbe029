// Zod schemas for FormData fields that plain zod does not read the way browsers
// send them: repeated fields and file inputs. Plain (no server-only, no
// imports of ours), so client forms, server actions and every slice's
// schemas.ts can share them.
import { z } from "zod";

/**
 * A field that may be sent any number of times (checkboxes, multi-selects):
 * given to `list` (a z.array schema) as a list, empty when none was sent.
 */
export function formList<T extends z.ZodArray>(list: T) {
  return z.preprocess((value) => (value === undefined ? [] : [value].flat()), list);
}

const noFileChosen = (value: unknown) => (value instanceof File && value.size === 0 && value.name === "" ? undefined : value);

/**
 * A file input: the File, or undefined when none was chosen (browsers then
 * send an empty, nameless file). With `required` (a validation code), choosing none is that error.
 */
export function formFile(): z.ZodType<File | undefined, unknown>;
export function formFile(required: string): z.ZodType<File, unknown>;
export function formFile(required?: string): z.ZodType<File | undefined, unknown> {
  return z.preprocess(noFileChosen, required ? z.file({ error: required }) : z.file().optional());
}
