// The words for why a letter cannot be posted (lib/snailmail/compose.ts returns
// a code + params; messages/<locale>/letters.json "refusal" and "address" word it).
import { addressProblemText, describeAddressProblems, type LetterWords } from "@/lib/snailmail/address";
import type { ComposeProblem } from "@/lib/snailmail/compose";

export interface LetterRefusal {
  /** The sentence the form shows. */
  message: string;
  /**
   * The same findings under the field they concern: a wrong address field's own problem, the body's or the document's;
   * the missing address fields, each named, under the pseudo-field "address" (the form has no address fields of its own).
   */
  fieldErrors: Record<string, string[]>;
}

/** Words for a refusal in the reader's language, with the letters namespace's translator. */
export function letterRefusal(t: LetterWords, problem: ComposeProblem, locale: string): LetterRefusal {
  switch (problem.code) {
    case "address": {
      const problems = describeAddressProblems({ ok: false, missing: problem.missing, invalid: problem.invalid }, t, locale);
      const fieldErrors: Record<string, string[]> = Object.fromEntries(
        Object.entries(problem.invalid).map(([field, found]) => [field, [addressProblemText(t, found, locale)]]),
      );
      if (problem.missing.length) fieldErrors.address = problem.missing.map((field) => t("post.fieldMissing", { field: t(`field.${field}`) }));
      return { message: t("refusal.address", { problems }), fieldErrors };
    }
    case "unprintable": {
      const message = t("refusal.unprintable", { characters: problem.params.characters.join(" ") });
      return { message, fieldErrors: { body: [message] } };
    }
    default: {
      const message = "params" in problem ? t(`refusal.${problem.code}`, problem.params) : t(`refusal.${problem.code}`);
      return { message, fieldErrors: "field" in problem ? { [problem.field]: [message] } : {} };
    }
  }
}
