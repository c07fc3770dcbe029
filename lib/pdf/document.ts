// A pdf-lib document with Noto Sans embedded (SIL OFL 1.1, from the
// @expo-google-fonts/noto-sans npm package), so Latin Extended (Łódź), Greek
// and Cyrillic print; a text with Chinese characters gets Noto Sans SC instead
// (@expo-google-fonts/noto-sans-sc, same licence), which also holds Latin.
// One family per document: pdf-lib draws a run in one font, and the layout
// (wrap, fit, page numbers) measures with one. Each PDF embeds only the
// characters it uses: subset with HarfBuzz (subset-font), because pdf-lib's
// own subsetting (@pdf-lib/fontkit 1.1) drops most of Noto Sans's glyph
// outlines — the text extracts fine but prints blank. Ligatures are off so
// every character keeps its own glyph (and stays searchable). Shared by
// letters (lib/snailmail), invoices (lib/billing) and signed documents' audit
// pages (lib/sign).
import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont } from "pdf-lib";
import subsetFont from "subset-font";

export const MM = 72 / 25.4;
export const A4 = { width: 210 * MM, height: 297 * MM };

/** A PDF starts with its "%PDF-" header: a file without it is no PDF at all, whatever its name or type says. */
export function startsAsPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-";
}

const FONTS = path.join(process.cwd(), "node_modules", "@expo-google-fonts");
const FAMILIES = {
  latin: [path.join(FONTS, "noto-sans", "400Regular", "NotoSans_400Regular.ttf"), path.join(FONTS, "noto-sans", "700Bold", "NotoSans_700Bold.ttf")],
  cjk: [path.join(FONTS, "noto-sans-sc", "400Regular", "NotoSansSC_400Regular.ttf"), path.join(FONTS, "noto-sans-sc", "700Bold", "NotoSansSC_700Bold.ttf")],
} as const;
type Family = keyof typeof FAMILIES;

const fontBytes = new Map<Family, Promise<[Buffer, Buffer]>>();

/** The regular and bold font files of a family, read once (Noto Sans SC's are ~10 MB each: only when a text needs them). */
export function loadFonts(family: Family = "latin"): Promise<[Buffer, Buffer]> {
  let bytes = fontBytes.get(family);
  if (!bytes) {
    const [regular, bold] = FAMILIES[family];
    bytes = Promise.all([readFile(regular), readFile(bold)]);
    fontBytes.set(family, bytes);
  }
  return bytes;
}

const coverage = new Map<Family, Promise<Set<number>>>();

/** The characters a family has glyphs for (Noto Sans SC is parsed only when a text has characters Noto Sans lacks). */
function fontCoverage(family: Family): Promise<Set<number>> {
  let characters = coverage.get(family);
  if (!characters) {
    characters = loadFonts(family).then(([regular]) => new Set(fontkit.create(regular).characterSet));
    coverage.set(family, characters);
  }
  return characters;
}

const LAYOUT_CHARACTERS = new Set([9, 10, 13]);

function codes(text: string): number[] {
  return [...text].map((char) => char.codePointAt(0)!).filter((code) => !LAYOUT_CHARACTERS.has(code));
}

/** Noto Sans, unless the text has characters only Noto Sans SC has (Chinese). */
async function familyFor(text: string): Promise<Family> {
  const latin = await fontCoverage("latin");
  const missing = codes(text).filter((code) => !latin.has(code));
  if (missing.length === 0) return "latin";
  const cjk = await fontCoverage("cjk");
  return missing.some((code) => cjk.has(code)) ? "cjk" : "latin";
}

/** Characters no font of the document would print, so a form can say which instead of printing boxes. */
export async function unprintableCharacters(text: string): Promise<string[]> {
  const supported = await fontCoverage(await familyFor(text));
  return [...new Set(codes(text).filter((code) => !supported.has(code)).map((code) => String.fromCodePoint(code)))];
}

/**
 * Regular and bold fonts that hold every character of `text`, embedded in
 * `doc` (a new one, or a loaded PDF that gets pages added, like a signed
 * document's audit page), subset to those characters.
 */
export async function embedFontsFor(doc: PDFDocument, text: string): Promise<{ regular: PDFFont; bold: PDFFont }> {
  doc.registerFontkit(fontkit);
  const [regularBytes, boldBytes] = await loadFonts(await familyFor(text));
  const characters = [...new Set(text)].join("");
  const [regularSubset, boldSubset] = await Promise.all(
    [regularBytes, boldBytes].map((bytes) => subsetFont(bytes, characters, { targetFormat: "truetype", noLayoutClosure: true })),
  );
  const options = { subset: false, features: { liga: false, clig: false, dlig: false } };
  return { regular: await doc.embedFont(regularSubset, options), bold: await doc.embedFont(boldSubset, options) };
}

/**
 * U+202F (narrow no-break space: French Intl's thousands separator, "1 234,56 €")
 * as U+00A0. @pdf-lib/fontkit 1.1 reads past the end of a subset font whose
 * last glyph is blank, and U+202F's blank glyph has the highest id of the
 * characters of a French amount ("Trying to access beyond buffer length").
 */
export function withPrintableSpaces(text: string): string {
  return text.replaceAll("\u202f", "\u00a0");
}

/** A new PDF whose regular and bold fonts hold every character of `text`. */
export async function newPdfDocument(title: string, text: string, creator: string): Promise<{ doc: PDFDocument; regular: PDFFont; bold: PDFFont }> {
  const doc = await PDFDocument.create();
  const { regular, bold } = await embedFontsFor(doc, text);
  doc.setTitle(title);
  doc.setCreator(creator);
  doc.setProducer("pdf-lib");
  return { doc, regular, bold };
}
