import "server-only";
import { mkdirSync, symlinkSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { createWorker, OEM, type Worker } from "tesseract.js";
import { env } from "@/lib/env";
import { rowsFromBoxes, type Row, type TextBox } from "./rows";

// Offline OCR: the trained data comes from the @tesseract.js-data/<lang> npm
// packages (LSTM "best_int" models). Without an explicit langPath tesseract.js
// fetches from a CDN (and that failure crashes the process); cacheMethod "none"
// keeps it from writing a copy into the working directory. One worker per process, reused: starting one costs a
// second, and pages are read one at a time anyway (OCR is CPU-bound).

const require = createRequire(import.meta.url);

function modelDir(lang: string): string {
  // Under Next's bundler require.resolve answers a virtual "[project]/…" path;
  // the server always runs from the project root, so fall back on that.
  const candidates = [path.resolve("node_modules", "@tesseract.js-data", lang)];
  try {
    candidates.unshift(path.dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)));
  } catch {
    // not resolvable from here: the fallback decides
  }
  const found = candidates.map((dir) => path.join(dir, "4.0.0_best_int")).find((dir) => existsSync(path.join(dir, `${lang}.traineddata.gz`)));
  if (!found) throw new Error(`OCR data for "${lang}" is missing: npm install @tesseract.js-data/${lang}`);
  return found;
}

function workerScript(): string | undefined {
  // Resolved from the project root for the same reason as modelDir.
  const script = path.resolve("lib", "digitization", "text", "ocr-worker.cjs");
  return existsSync(script) ? script : undefined;
}

/**
 * tesseract.js reads every language from one langPath: the package's own folder
 * for one language; for several, a folder of links to each package's file.
 */
function langPath(langs: string[]): string {
  if (langs.length === 1) return modelDir(langs[0]);
  const dir = path.join(tmpdir(), `tesseract-langs-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  for (const lang of langs) {
    const link = path.join(dir, `${lang}.traineddata.gz`);
    if (!existsSync(link)) symlinkSync(path.join(modelDir(lang), `${lang}.traineddata.gz`), link);
  }
  return dir;
}

type Progress = (fraction: number) => void;
let workerPromise: Promise<Worker> | undefined;
let onProgress: Progress | null = null;
let queue: Promise<unknown> = Promise.resolve();
/** A page that takes longer than this is given up (and the worker restarted): a stuck OCR must not stall the queue. */
const PAGE_TIMEOUT_MS = 120_000;

function worker(): Promise<Worker> {
  const langs = env().OCR_LANGUAGES;
  workerPromise ??= Promise.resolve()
    .then(() =>
      createWorker(langs, OEM.LSTM_ONLY, {
        langPath: langPath(langs),
        workerPath: workerScript(),
        cacheMethod: "none",
        gzip: true,
        logger: (message: { status: string; progress: number }) => {
          if (message.status === "recognizing text") onProgress?.(message.progress);
        },
        errorHandler: () => {},
      }),
    )
    .catch((error) => {
      workerPromise = undefined;
      throw error;
    });
  return workerPromise;
}

/** OCR one page image (PNG/JPEG bytes) into rows. Calls are serialised on the one worker. */
export function ocrImage(image: Buffer, progress?: Progress, page = 1): Promise<Row[]> {
  const run = queue.then(async () => {
    onProgress = progress ?? null;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`OCR took longer than ${PAGE_TIMEOUT_MS / 1000} s`)), PAGE_TIMEOUT_MS);
    });
    try {
      const recognise = worker().then((w) => w.recognize(image, { rotateAuto: true }, { blocks: true, text: false }));
      const { data } = await Promise.race([recognise, timeout]);
      return rowsFromRecognition(data.blocks ?? [], page);
    } catch (error) {
      await stopOcr().catch(() => {});
      throw error;
    } finally {
      clearTimeout(timer);
      onProgress = null;
    }
  });
  queue = run.catch(() => {});
  return run;
}

type Blocks = NonNullable<Awaited<ReturnType<Worker["recognize"]>>["data"]["blocks"]>;

function rowsFromRecognition(blocks: Blocks, page: number): Row[] {
  const lines = blocks.flatMap((block) => block.paragraphs.flatMap((paragraph) => paragraph.lines));
  // A scan is rarely straight: over a page's width a 1° tilt moves a label
  // and its value a line apart. The median slope of the long baselines
  // measures the tilt; rows are rebuilt on positions with it taken out.
  const slopes = lines
    .map((line) => line.baseline)
    .filter((b) => b.x1 - b.x0 > 150)
    .map((b) => (b.y1 - b.y0) / (b.x1 - b.x0))
    .sort((a, b) => a - b);
  const slope = slopes.length ? slopes[Math.floor(slopes.length / 2)] : 0;
  const boxes: TextBox[] = lines.flatMap((line) =>
    line.words.map((word) => {
      const shift = slope * ((word.bbox.x0 + word.bbox.x1) / 2);
      return { text: word.text, x0: word.bbox.x0, x1: word.bbox.x1, y0: word.bbox.y0 - shift, y1: word.bbox.y1 - shift, confidence: word.confidence / 100 };
    }),
  );
  return rowsFromBoxes(boxes, page);
}

export async function stopOcr() {
  const pending = workerPromise;
  workerPromise = undefined;
  // A worker stuck while starting never resolves: don't wait on it for ever.
  if (pending) await Promise.race([pending.then((w) => w.terminate()).catch(() => {}), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
}
