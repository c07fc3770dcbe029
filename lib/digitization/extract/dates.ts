import { fold } from "./normalize";

// Dates as invoices print them: ISO (2026-03-05), numeric day-month-year
// with any separator (05/03/2026, 5.3.26), month-day-year where the document
// shows it is American (03/25/2026, or $ and no day above 12), and month
// names in English, French, German, Dutch, Spanish, Italian and Portuguese
// ("5 March 2026", "5. März 2026", "March 5, 2026", "5 de marzo de 2026",
// "05-Mar-2026"; Polish and Swedish too). Matching runs on folded text (accents dropped), so "fevrier"
// from an OCR matches like "février".

const MONTH_NAMES: [number, string[]][] = [
  [1, ["january", "janvier", "januar", "janner", "januari", "enero", "gennaio", "janeiro", "stycznia", "styczen", "sty", "jan", "janv", "ene", "gen"]],
  [2, ["february", "fevrier", "februar", "februari", "febrero", "febbraio", "fevereiro", "lutego", "luty", "lut", "feb", "fev", "fevr", "febr"]],
  [3, ["march", "mars", "marz", "maerz", "maart", "marzo", "marco", "marca", "marzec", "mar", "mrt", "mrz"]],
  [4, ["april", "avril", "abril", "aprile", "kwietnia", "kwiecien", "kwi", "apr", "avr", "abr"]],
  [5, ["may", "mai", "mei", "mayo", "maggio", "maio", "maja", "maj", "mag"]],
  [6, ["june", "juin", "juni", "junio", "giugno", "junho", "czerwca", "czerwiec", "cze", "jun", "giu"]],
  [7, ["july", "juillet", "juli", "julio", "luglio", "julho", "lipca", "lipiec", "lip", "jul", "juil", "lug"]],
  [8, ["august", "aout", "augustus", "augusti", "agosto", "sierpnia", "sierpien", "sie", "aug", "ago"]],
  [9, ["september", "septembre", "septiembre", "setiembre", "settembre", "setembro", "wrzesnia", "wrzesien", "wrz", "sep", "sept", "set"]],
  [10, ["october", "octobre", "oktober", "octubre", "ottobre", "outubro", "pazdziernika", "pazdziernik", "paz", "oct", "okt", "ott", "out"]],
  [11, ["november", "novembre", "noviembre", "novembro", "listopada", "listopad", "lis", "nov"]],
  [12, ["december", "decembre", "dezember", "diciembre", "dicembre", "dezembro", "grudnia", "grudzien", "gru", "dec", "dez", "dic"]],
];
const MONTHS = new Map(MONTH_NAMES.flatMap(([month, names]) => names.map((name) => [name, month] as const)));
const MONTH = `(${[...MONTHS.keys()].sort((a, b) => b.length - a.length).join("|")})\\.?`;

export type DateOrder = "dmy" | "mdy";

export interface DateToken {
  iso: string;
  start: number;
  end: number;
  /** Numeric day and month that could be swapped (both ≤ 12): read in the document's order. */
  ambiguous: boolean;
}

const PATTERNS: { regex: RegExp; read: (m: RegExpExecArray, order: DateOrder) => [number, number, number, boolean] | null }[] = [
  // 2026-03-05, 2026/03/05, 2026.03.05
  { regex: /(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/g, read: (m) => [Number(m[1]), Number(m[3]), Number(m[4]), false] },
  // 05/03/2026, 5.3.26, 03-25-2026
  {
    regex: /(?<![\d.,])(\d{1,2})\s?([-/.])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})(?![\d]|[.,]\d)/g,
    read: (m, order) => {
      const [n1, n2] = [Number(m[1]), Number(m[3])];
      // The document's order, unless a number above 12 shows which one is the day.
      const [day, month] = order === "dmy" ? (n2 > 12 && n1 <= 12 ? [n2, n1] : [n1, n2]) : n1 > 12 && n2 <= 12 ? [n1, n2] : [n2, n1];
      return [year(m[4]), month, day, n1 <= 12 && n2 <= 12 && n1 !== n2];
    },
  },
  // 5 March 2026, 5. März 2026, 5-Mar-2026, 1er janvier 2026, 5 de marzo de 2026
  {
    regex: new RegExp(String.raw`(?<![\d])(\d{1,2})(?:er|st|nd|rd|th|º|°)?\.?(?:\s|-|\s?de\s)?${MONTH}(?:\s|-|\s?de\s|,\s?)?(\d{4}|\d{2})(?!\d)`, "g"),
    read: (m) => [year(m[3]), MONTHS.get(m[2])!, Number(m[1]), false],
  },
  // March 5, 2026 · Mar 5 2026
  {
    regex: new RegExp(String.raw`(?<![a-z])${MONTH}\s(\d{1,2})(?:st|nd|rd|th)?,?\s(\d{4})(?!\d)`, "g"),
    read: (m) => [Number(m[3]), MONTHS.get(m[1])!, Number(m[2]), false],
  },
];

function year(text: string): number {
  const y = Number(text);
  return text.length === 2 ? (y < 70 ? 2000 + y : 1900 + y) : y;
}

function iso(y: number, m: number, d: number): string | null {
  if (!m || y < 1990 || y > 2100) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** Every date in a text, left to right. */
export function datesIn(text: string, order: DateOrder = "dmy"): DateToken[] {
  const folded = fold(text);
  const found: DateToken[] = [];
  for (const { regex, read } of PATTERNS) {
    for (const match of folded.matchAll(regex)) {
      const start = match.index!;
      const end = start + match[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      const parts = read(match as RegExpExecArray, order);
      const value = parts && iso(parts[0], parts[1], parts[2]);
      if (value) found.push({ iso: value, start, end, ambiguous: parts![3] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** One date typed or printed ("05/10/2026" → "2026-10-05"); null when the text is not exactly one date. */
export function parseDate(text: string, order: DateOrder = "dmy"): string | null {
  const dates = datesIn(text.trim(), order);
  if (dates.length !== 1) return null;
  const rest = text.trim().slice(0, dates[0].start) + text.trim().slice(dates[0].end);
  return rest.replace(/[\s,.]/g, "") === "" ? dates[0].iso : null;
}

/**
 * Day-month or month-day: a numeric date whose first number is above 12 is
 * European, whose second is above 12 is American; with no such date, dollars
 * without a European VAT number suggest month first.
 */
export function dateOrderOf(texts: string[], hint: { usd?: boolean } = {}): DateOrder {
  let dmy = 0;
  let mdy = 0;
  for (const text of texts) {
    for (const m of text.matchAll(/(?<![\d.,])(\d{1,2})([/.-])(\d{1,2})\2(\d{2,4})(?!\d)/g)) {
      const [a, b] = [Number(m[1]), Number(m[3])];
      if (a > 12 && b <= 12) dmy++;
      if (b > 12 && a <= 12) mdy++;
      // Dots and dashes are European ways of writing a date.
      if (m[2] === ".") dmy += 0.5;
    }
  }
  if (dmy !== mdy) return dmy > mdy ? "dmy" : "mdy";
  return hint.usd ? "mdy" : "dmy";
}
