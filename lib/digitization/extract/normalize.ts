// Text as the rules compare it. `cleanText` runs once on every piece of text
// read (PDF text layer or OCR): spaces of every width become one kind, dashes
// and minus signs one kind, ligatures plain letters. `fold` then lowers case
// and drops accents character by character — one character in, one out — so
// a label found at some position of the folded text is at the same position
// of the original, where the value (an invoice number keeps its case) is read.

const LIGATURES: Record<string, string> = { "ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st" };

export function cleanText(text: string): string {
  return text
    .replace(/[ﬀ-ﬆ]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g, " ")
    .replace(/[\u200b-\u200d\ufeff\u00ad]/g, "")
    .replace(/[\u2010-\u2015\u2212\ufe63\uff0d]/g, "-")
    .replace(/[\u2018\u2019\u201b\u2032\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb]/g, '"');
}

const FOLDED = new Map<string, string>([
  ["ß", "s"],
  ["æ", "a"],
  ["œ", "o"],
  ["ø", "o"],
  ["ł", "l"],
  ["đ", "d"],
  ["ı", "i"],
]);

/** Lower case without diacritics, the same length as the input ("Fälligkeit" → "falligkeit"). */
export function fold(text: string): string {
  let out = "";
  for (const char of text) {
    const lower = char.toLowerCase();
    const mapped = FOLDED.get(lower) ?? lower.normalize("NFD")[0] ?? lower;
    // Astral characters (emoji) are two UTF-16 units: keep the length.
    out += char.length === 2 ? "  " : mapped.length === 1 ? mapped : lower.length === 1 ? lower : " ";
  }
  return out;
}
