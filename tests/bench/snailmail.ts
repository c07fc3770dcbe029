// npm run bench:snailmail — how long the Snailmail renderer takes per letter
// (pdf-lib, Noto Sans subset with HarfBuzz): a one-page letter, a three-page
// letter, and a 10-page A4 document behind a cover page. No database. Timings
// on a shared 2-core machine are noisy: p50 is the figure to compare.
import { performance } from "node:perf_hooks";
import { PDFDocument } from "pdf-lib";
import { A4, renderDocumentLetter, renderLetter, type RenderedLetter } from "@/lib/snailmail/render";
import { runBench } from "./run-bench";

const RUNS = Number(process.argv[2] ?? 30);
const sender = { name: "Demo Company SA", street: "Rue de la Loi 16", city: "Brussels", zip: "1000", country: "BE" };
const recipient = { name: "Zofia Łukasiewicz", street: "ul. Piotrkowska 104", street2: "Мария Иванова", city: "Łódź", zip: "90-001", country: "PL" };
const date = new Date();
const paragraph = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Съешь же ещё этих мягких французских булок. ";

const source = await PDFDocument.create();
for (let i = 0; i < 10; i++) source.addPage([A4.width, A4.height]).drawText(`Invoice page ${i + 1}`, { x: 72, y: 720, size: 14 });
const document = await source.save();

const cases: Record<string, () => Promise<RenderedLetter>> = {
  letter_1_page: () => renderLetter({ sender, recipient, subject: "Invoice INV/2026/0042", body: paragraph.repeat(3), date }),
  letter_3_pages: () => renderLetter({ sender, recipient, subject: "Report", body: Array.from({ length: 25 }, () => paragraph.repeat(2)).join("\n\n"), date }),
  document_10_pages: () => renderDocumentLetter(document, { sender, recipient, subject: "Invoice", date, duplex: false, attachmentName: "invoice.pdf" }),
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
await runBench("snailmail", async () => {
  const result: Record<string, number> = { runs: RUNS };
  let ok = true;
  await cases.letter_1_page(); // warm-up: font files read, HarfBuzz compiled
  for (const [name, render] of Object.entries(cases)) {
    const times: number[] = [];
    let last: RenderedLetter = { pdf: new Uint8Array(0), pages: 0 };
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      last = await render();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 0.5);
    const p95 = percentile(times, 0.95);
    console.log(`${name.padEnd(18)} ${last.pages} pages  p50 ${p50.toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  ${(last.pdf.length / 1024).toFixed(1)} KiB`);
    result[`${name}_p50_ms`] = Number(p50.toFixed(1));
    result[`${name}_p95_ms`] = Number(p95.toFixed(1));
    result[`${name}_kib`] = Number((last.pdf.length / 1024).toFixed(1));
    ok &&= last.pages > 0 && last.pdf.length > 0;
  }
  return { ok, result };
});
