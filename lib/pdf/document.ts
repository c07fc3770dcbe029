// A pdf-lib document with Noto Sans embedded (SIL OFL 1.1, from the
// @expo-google-fonts/noto-sans npm package), so Latin Extended (Łódź), Greek
// and Cyrillic print. Each PDF embeds only the characters it uses: subset with
// HarfBuzz (subset-font), because pdf-lib's own subsetting (@pdf-lib/fontkit
// 1.1) drops most of Noto Sans's glyph outlines — the text extracts fine but
// prints blank. Ligatures are off so every character keeps its own glyph (and
// stays searchable). Shared by letters (lib/snailmail) and invoices (lib/billing).
import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont } from "pdf-lib";
import subsetFont from "subset-font";

export const MM = 72 / 25.4;
export const A4 = { width: 210 * MM, height: 297 * MM };

const FONT_DIR = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans");
let fontBytes: Promise<[Buffer, Buffer]> | undefined;

export function loadFonts() {
  fontBytes ??= Promise.all([
    readFile(path.join(FONT_DIR, "400Regular", "NotoSans_400Regular.ttf")),
    readFile(path.join(FONT_DIR, "700Bold", "NotoSans_700Bold.ttf")),
  ]);
  return fontBytes;
}

/** A new PDF whose regular and bold fonts hold every character of `text`. */
export async function newPdfDocument(title: string, text: string, creator: string): Promise<{ doc: PDFDocument; regular: PDFFont; bold: PDFFont }> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const [regularBytes, boldBytes] = await loadFonts();
  const characters = [...new Set(text)].join("");
  const [regularSubset, boldSubset] = await Promise.all(
    [regularBytes, boldBytes].map((bytes) => subsetFont(bytes, characters, { targetFormat: "truetype", noLayoutClosure: true })),
  );
  const options = { subset: false, features: { liga: false, clig: false, dlig: false } };
  const regular = await doc.embedFont(regularSubset, options);
  const bold = await doc.embedFont(boldSubset, options);
  doc.setTitle(title);
  doc.setCreator(creator);
  doc.setProducer("pdf-lib");
  return { doc, regular, bold };
}
