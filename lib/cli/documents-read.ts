// npm run documents:read -- <file>… — reads each PDF, image or e-invoice XML
// with the code the app uses (lib/digitization/read-document.ts), with no
// database and no credits, and prints one JSON line per file, in the order
// given:
//   {"file":…,"source":"e-invoice"|"pdf_text"|"ocr","ms":…,
//    "fields":{"vendorName":…,"vendorVat":…,"invoiceNumber":…,"invoiceDate":"YYYY-MM-DD",
//              "dueDate":…,"currency":"EUR","subtotal":"1234.56","tax":…,"total":…,"iban":…},
//    "lines":[{"description":…,"quantity":…,"unitPrice":…,"vatRate":…,"amount":…}]}
// A field not found is null. A file that cannot be read gets the same shape
// with "source": null, every field null and an "error" (unreadable, too many
// pages, not an e-invoice, image too large, not a supported file). Files are
// read side by side, as many as the OCR pool has workers. Exit status: 0 when
// every file was processed (read or not), 2 when no file was given. The JSON
// is for programs (English codes); the usage line, for a person, follows LANG.
import { readFile } from "node:fs/promises";
import { FIELD_NAMES } from "../digitization/extract/types";
import { sniffType } from "../digitization/limits";
import { digitizeDocument, DocumentReadError } from "../digitization/read-document";
import { ocrPoolSize, stopOcr } from "../digitization/text/ocr";
import { cliTranslator } from "./locale";

const files = process.argv.slice(2).filter((arg) => arg !== "--");
if (files.length === 0) {
  console.error(cliTranslator("documentsRead")("usage"));
  process.exit(2);
}

const nullFields = () => Object.fromEntries(FIELD_NAMES.map((name) => [name, null]));

async function read(file: string): Promise<string> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const bytes = new Uint8Array(await readFile(file));
    const type = sniffType(bytes);
    if (!type) throw new DocumentReadError("not a supported file", "not a PDF, PNG, JPEG or XML file");
    const read = await digitizeDocument(bytes, type);
    const fields = Object.fromEntries(FIELD_NAMES.map((name) => [name, read.fields[name].value]));
    return JSON.stringify({ file, source: read.source, ms: ms(), fields, lines: read.lines });
  } catch (error) {
    const reason = error instanceof DocumentReadError ? error.reason : (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : "unreadable";
    return JSON.stringify({ file, source: null, ms: ms(), fields: nullFields(), lines: [], error: reason, detail: (error as Error).message });
  }
}

// Read side by side, print in the order given as soon as each line's turn comes.
const results = new Array<Promise<string>>(files.length);
let next = 0;
const lanes = Array.from({ length: Math.min(files.length, ocrPoolSize()) }, async () => {
  while (next < files.length) {
    const index = next++;
    results[index] = read(files[index]);
    await results[index];
  }
});
const printer = (async () => {
  for (let i = 0; i < files.length; i++) {
    while (!results[i]) await new Promise((resolve) => setTimeout(resolve, 5));
    process.stdout.write(`${await results[i]}\n`);
  }
})();
await Promise.all([...lanes, printer]);
await stopOcr();
