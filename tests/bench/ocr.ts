// npm run bench:ocr [-- --scans 24 --digital 48] — Documents Digitization on
// the project's invoice corpus (tests/support/invoice-corpus.ts: six layouts,
// twelve locales, scans degraded by tilt, blur, noise and JPEG) and on the
// public e-invoice samples (tests/fixtures/invoices):
//   - OCR: the scanned pages (image-only PDFs) read through digitizeDocument
//     as the app reads them, as many documents at once as the OCR pool has
//     workers; pages per minute over the whole run (the pool's start-up is
//     timed apart), peak RSS of this process (it hosts the OCR and PDF threads);
//   - fields right: every field of every scan, digital PDF, e-invoice (fields
//     and lines, against the XPath ground truth) and Factur-X PDF read from its
//     visible text only.
// Ends with one JSON line; `pages_per_min`, `peak_mb`, `fields_correct` and
// `fields_total` (the scans' fields) keep the meaning they had.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { FIELD_NAMES, type FieldName } from "@/lib/digitization/extract/types";
import { ibanIsValid } from "@/lib/digitization/extract/checks";
import { digitizeDocument } from "@/lib/digitization/read-document";
import { OCR_DPI } from "@/lib/digitization/limits";
import { ocrImage, ocrPoolSize, stopOcr } from "@/lib/digitization/text/ocr";
import { pgm, withPdf } from "@/lib/digitization/text/pdf";
import { canonical, embeddedFiles, truthFromXml } from "@/tests/support/einvoice-truth";
import { makeCorpus, type CorpusFile } from "@/tests/support/invoice-corpus";
import { runBench } from "./run-bench";
import { numberOption } from "./options";

const SCANS = numberOption("scans", 24);
const DIGITAL = numberOption("digital", 48);
const dir = mkdtempSync(path.join(tmpdir(), "bench-ocr-"));
const fixtures = path.resolve("tests/fixtures/invoices");

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 50);

/** Runs `work` over `items`, `lanes` at a time. */
async function inLanes<T, R>(items: T[], lanes: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  }));
  return results;
}

function score(files: CorpusFile[], reads: Record<FieldName, string | null>[], label: string) {
  let correct = 0;
  const misses: string[] = [];
  files.forEach((file, i) => {
    const wrong = FIELD_NAMES.filter((name) => reads[i][name] !== file.expected[name]);
    correct += FIELD_NAMES.length - wrong.length;
    if (wrong.length) misses.push(`  ${file.id}: ${wrong.map((n) => `${n}=${JSON.stringify(reads[i][n])} (want ${JSON.stringify(file.expected[n])})`).join(", ")}`);
  });
  console.log(`${label}: ${correct}/${files.length * FIELD_NAMES.length} fields right`);
  for (const miss of misses) console.log(miss);
  return { correct, total: files.length * FIELD_NAMES.length };
}

const values = (read: Awaited<ReturnType<typeof digitizeDocument>>) => Object.fromEntries(FIELD_NAMES.map((n) => [n, read.fields[n].value])) as Record<FieldName, string | null>;

await runBench("ocr", async () => {
  try {
    // Seeds ≡ 2 (mod 3) are scans in the corpus; the others digital.
    const scanSeeds = Array.from({ length: SCANS }, (_, i) => 3 * i + 2);
    const digitalSeeds = Array.from({ length: DIGITAL }, (_, i) => i + Math.floor(i / 2));
    console.log(`Rendering ${SCANS} scanned and ${DIGITAL} digital invoices (six layouts, twelve locales)…`);
    const scans = await makeCorpus(dir, scanSeeds);
    const digital = await makeCorpus(dir, digitalSeeds);

    // The pool's workers start once per server process: timed on their own.
    const workers = ocrPoolSize();
    const startup = performance.now();
    const warm = await withPdf(readFileSync(scans[0].file), (pdf) => pdf.render(1, OCR_DPI, "grey"));
    await Promise.all(Array.from({ length: workers }, () => ocrImage(pgm(warm))));
    const startupMs = Math.round(performance.now() - startup);
    peak = process.memoryUsage().rss;

    const started = performance.now();
    let pages = 0;
    const scanReads = await inLanes(scans, workers, async (file) => {
      const t = performance.now();
      const read = await digitizeDocument(new Uint8Array(readFileSync(file.file)), "application/pdf");
      pages += read.pageCount;
      console.log(`  ${file.id}: ${read.source}, ${Math.round(performance.now() - t)} ms`);
      return values(read);
    });
    const elapsed = performance.now() - started;
    const pagesPerMin = Math.round((pages / (elapsed / 60_000)) * 10) / 10;
    const peakMb = Math.round(peak / 1024 / 1024);
    const ocr = score(scans, scanReads, "Scans (OCR)");

    const digitalReads = await inLanes(digital, 2, async (file) => values(await digitizeDocument(new Uint8Array(readFileSync(file.file)), "application/pdf")));
    const text = score(digital, digitalReads, "Digital PDFs (text layer)");

    // E-invoices: every field and line against the XPath ground truth.
    let eCorrect = 0;
    let eTotal = 0;
    let vCorrect = 0;
    let vTotal = 0;
    const xmlFiles = ["cii", "ubl"].flatMap((d) => readdirSync(path.join(fixtures, d)).map((f) => path.join(fixtures, d, f)));
    const pdfFiles = readdirSync(path.join(fixtures, "factur-x")).map((f) => path.join(fixtures, "factur-x", f));
    for (const file of [...xmlFiles, ...pdfFiles]) {
      const data = new Uint8Array(readFileSync(file));
      const isPdf = file.endsWith(".pdf");
      const truth = truthFromXml(isPdf ? (await embeddedFiles(data)).find((f) => f.name.toLowerCase().endsWith(".xml"))!.xml : new TextDecoder().decode(data));
      const read = await digitizeDocument(data, isPdf ? "application/pdf" : "application/xml");
      const norm = (name: FieldName, v: string | null) => (["subtotal", "tax", "total"].includes(name) ? canonical(v) : v);
      for (const name of FIELD_NAMES) {
        eTotal++;
        if (norm(name, read.fields[name].value) === norm(name, truth.fields[name])) eCorrect++;
      }
      truth.lines.forEach((line, i) => {
        for (const key of ["description", "quantity", "unitPrice", "vatRate", "amount"] as const) {
          eTotal++;
          const got = read.lines[i]?.[key] ?? null;
          if (key === "description" ? got === line[key] : canonical(got) === canonical(line[key])) eCorrect++;
        }
      });
      // The same PDF as if it had no XML (the two whose XML is another invoice's are left out, see visible-text.test.ts).
      if (isPdf && !/acme_invoice|atgp/.test(file)) {
        const visible = await digitizeDocument(data, "application/pdf", { readEmbeddedXml: false });
        for (const name of FIELD_NAMES) {
          const want = truth.fields[name];
          if (want === null || (name === "iban" && !ibanIsValid(want))) continue;
          vTotal++;
          const got = visible.fields[name].value;
          const same = ["subtotal", "tax", "total"].includes(name) ? canonical(got) === canonical(want) : name === "vendorName" ? !!got && got.toLowerCase().startsWith(want.toLowerCase()) : got === want;
          if (same) vCorrect++;
        }
      }
    }
    console.log(`E-invoices (fields and lines vs the XPath ground truth): ${eCorrect}/${eTotal}`);
    console.log(`Factur-X PDFs read from their visible text only: ${vCorrect}/${vTotal}`);
    console.log(`OCR pool: ${workers} workers, start-up ${startupMs} ms (not counted)`);
    console.log(`${pages} scanned pages in ${(elapsed / 1000).toFixed(1)} s: ${pagesPerMin} pages/min; peak RSS ${peakMb} MB`);
    return {
      ok: ocr.correct > 0 && eCorrect > 0,
      result: {
        pages,
        pages_per_min: pagesPerMin,
        peak_mb: peakMb,
        fields_correct: ocr.correct,
        fields_total: ocr.total,
        ocr_workers: workers,
        startup_ms: startupMs,
        pdf_text_fields_correct: text.correct,
        pdf_text_fields_total: text.total,
        einvoice_values_correct: eCorrect,
        einvoice_values_total: eTotal,
        visible_text_fields_correct: vCorrect,
        visible_text_fields_total: vTotal,
      },
    };
  } finally {
    clearInterval(sampler);
    await stopOcr();
    rmSync(dir, { recursive: true, force: true });
  }
});
