// Counted words ("1 credit", "2 credits", "1.50 credits") by English plural
// rules (Intl.PluralRules), not by `n === 1`. English only, and on its way
// out: a counted phrase is an ICU plural message in the catalogues
// (`{count, plural, one {# credit} other {# credits}}` with t() / translatorFor),
// which each language words by its own rules. Kept while callers move.
import { formatCredits, unitsPerCredit } from "@/lib/iap/units";

const LOCALE = "en";
const rules = new Map<number, Intl.PluralRules>();

/** The plural category of a number shown with `fractionDigits` decimals ("1.00" is plural in English). */
function category(value: number, fractionDigits = 0): Intl.LDMLPluralRule {
  let rule = rules.get(fractionDigits);
  if (!rule) rules.set(fractionDigits, (rule = new Intl.PluralRules(LOCALE, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits })));
  return rule.select(value);
}

/** "1 page", "3 pages", "1,200 pages". */
export function countText(count: number, one: string, other: string): string {
  return `${count.toLocaleString(LOCALE)} ${category(count) === "one" ? one : other}`;
}

/** Just the word for `count` ("credit" / "credits"), when the number is written elsewhere. */
export function countWord(count: number, one: string, other: string, fractionDigits = 0): string {
  return category(count, fractionDigits) === "one" ? one : other;
}

/**
 * An amount of credits in a service's units, exact, with its word: 1000n with
 * 0 decimals → "1,000 credits"; 100n with 2 → "1.00 credits"; 1n with 0 → "1 credit".
 */
export function creditsText(units: bigint, decimals: number, plural = "credits", singular = plural === "credits" ? "credit" : plural): string {
  // Only the category comes from a float; the figures are formatted exactly.
  const approximate = Number(units) / Number(unitsPerCredit(decimals));
  return `${formatCredits(units, decimals)} ${category(approximate, decimals) === "one" ? singular : plural}`;
}

/**
 * A figure that arrives already formatted ("1", "1,000", "1.50", from
 * formatCredits) with its word: "1 credit", "1.50 credits". The category is
 * read from the text as written, so its decimals count as shown.
 */
export function figureText(figure: string, one = "credit", other = one === "credit" ? "credits" : `${one}s`): string {
  const plain = figure.replace(/,/g, "");
  const fractionDigits = plain.includes(".") ? plain.length - plain.indexOf(".") - 1 : 0;
  return `${figure} ${category(Math.abs(Number(plain)), fractionDigits) === "one" ? one : other}`;
}
