// npm run bench:ocr — reads 10 scanned invoice pages (image-only PDFs:
// rasterised at 200 dpi, then OCR) and reports pages per minute, peak memory
// (RSS of this process, which hosts the OCR worker thread) and how many of the
// 10 extracted fields per page match what the invoice was rendered from.
// Ends with one JSON line.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { checkFields } from "@/lib/digitization/extract/checks";
import { ruleBasedExtractor } from "@/lib/digitization/extract/rule-based";
import { FIELD_NAMES } from "@/lib/digitization/extract/types";
import { readDocument } from "@/lib/digitization/read-document";
import { stopOcr } from "@/lib/digitization/text/ocr";
import { makeInvoiceFiles, sampleInvoice } from "@/tests/support/invoice-fixtures";
import { runBench } from "./run-bench";

const PAGES = 10;
await runBench("ocr", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-ocr-"));
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);

  try {
    console.log(`Rendering ${PAGES} invoices and degrading them into scans…`);
    const files = await makeInvoiceFiles(dir, Array.from({ length: PAGES }, (_, i) => sampleInvoice(i)));

    // Memory of digitizing only, not of driving Chromium for the fixtures.
    peak = process.memoryUsage().rss;
    // The OCR worker starts once per server process; timed on its own.
    const startup = Date.now();
    await readDocument(readFileSync(files[0].scanPdf), "application/pdf");
    const startupMs = Date.now() - startup;

    let correct = 0;
    let total = 0;
    const started = Date.now();
    for (const [i, file] of files.entries()) {
      const t = Date.now();
      const read = await readDocument(readFileSync(file.scanPdf), "application/pdf");
      const fields = checkFields(ruleBasedExtractor.extract(read));
      const wrong = FIELD_NAMES.filter((name) => fields[name].value !== file.expected[name]);
      correct += FIELD_NAMES.length - wrong.length;
      total += FIELD_NAMES.length;
      console.log(
        `page ${String(i + 1).padStart(2)}: ${Date.now() - t} ms, ${FIELD_NAMES.length - wrong.length}/${FIELD_NAMES.length} fields` +
          (wrong.length ? ` (wrong: ${wrong.map((n) => `${n}=${JSON.stringify(fields[n].value)}`).join(", ")})` : ""),
      );
    }
    const elapsed = Date.now() - started;
    const pagesPerMin = Math.round((PAGES / (elapsed / 60_000)) * 10) / 10;
    const peakMb = Math.round(peak / 1024 / 1024);
    console.log(`OCR worker start-up (first page, not counted): ${startupMs} ms`);
    console.log(`${PAGES} pages in ${(elapsed / 1000).toFixed(1)} s: ${pagesPerMin} pages/min; peak RSS ${peakMb} MB; fields ${correct}/${total}`);
    return {
      ok: correct > 0,
      result: { pages: PAGES, pages_per_min: pagesPerMin, peak_mb: peakMb, fields_correct: correct, fields_total: total, startup_ms: startupMs },
    };
  } finally {
    clearInterval(sampler);
    await stopOcr();
    rmSync(dir, { recursive: true, force: true });
  }
});
