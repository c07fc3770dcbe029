import "server-only";
import { existsSync, mkdirSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { createWorker, OEM, type Worker } from "tesseract.js";
import { env } from "@/lib/env";
import { rowsFromBoxes, type Row, type TextBox } from "./rows";

// Offline OCR with a pool of tesseract.js workers (each a thread running the
// WebAssembly engine), one per core by default: pages of one document, or of
// documents read side by side, are recognised in parallel, and the pool never
// grows past OCR_WORKERS however many pages wait. Workers start on first use
// and stop after a minute without work, so an idle server holds no OCR memory.
//
// The trained data comes from the @tesseract.js-data/<lang> npm packages (LSTM
// "best_int" models). Without an explicit langPath tesseract.js fetches from a
// CDN (and that failure crashes the process); cacheMethod "none" keeps it from
// writing a copy into the working directory.
//
// Pages are recognised once, as they are: tesseract's own "rotateAuto" would
// analyse the layout, rotate and analyse it again (three times slower here);
// the rows are straightened from the words' baselines instead (rowsFromRecognition).

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

/** A page that takes longer than this is given up (and its worker replaced): a stuck OCR must not stall the queue. */
const PAGE_TIMEOUT_MS = 120_000;
const IDLE_STOP_MS = 60_000;

interface PoolWorker {
  ready: Promise<Worker>;
  busy: boolean;
  onProgress: Progress | null;
}

interface Job {
  image: Buffer;
  progress: Progress | undefined;
  resolve: (result: Blocks) => void;
  reject: (error: Error) => void;
}

type Blocks = NonNullable<Awaited<ReturnType<Worker["recognize"]>>["data"]["blocks"]>;

const pool: PoolWorker[] = [];
const queue: Job[] = [];
let idleTimer: NodeJS.Timeout | null = null;

/** How many pages are recognised at once. */
export function ocrPoolSize(): number {
  return env().OCR_WORKERS ?? Math.max(1, Math.min(4, availableParallelism()));
}

function startWorker(): PoolWorker {
  const langs = env().OCR_LANGUAGES;
  const entry: PoolWorker = { ready: undefined as unknown as Promise<Worker>, busy: false, onProgress: null };
  entry.ready = createWorker(langs, OEM.LSTM_ONLY, {
    langPath: langPath(langs),
    workerPath: workerScript(),
    cacheMethod: "none",
    gzip: true,
    logger: (message: { status: string; progress: number }) => {
      if (message.status === "recognizing text") entry.onProgress?.(message.progress);
    },
    errorHandler: () => {},
  });
  // A worker that failed to start is dropped; the next page starts another.
  entry.ready.catch(() => void removeWorker(entry));
  pool.push(entry);
  return entry;
}

function removeWorker(entry: PoolWorker): Promise<unknown> {
  const index = pool.indexOf(entry);
  if (index >= 0) pool.splice(index, 1);
  // A worker stuck while starting never resolves: don't wait on it for ever.
  return Promise.race([entry.ready.then((w) => w.terminate()).catch(() => {}), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
}

function dispatch() {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  while (queue.length) {
    let entry = pool.find((w) => !w.busy);
    if (!entry && pool.length < ocrPoolSize()) entry = startWorker();
    if (!entry) return;
    void run(entry, queue.shift()!);
  }
  if (pool.every((w) => !w.busy)) {
    idleTimer = setTimeout(() => void stopOcr(), IDLE_STOP_MS);
    idleTimer.unref();
  }
}

async function run(entry: PoolWorker, job: Job) {
  entry.busy = true;
  entry.onProgress = job.progress ?? null;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`OCR took longer than ${PAGE_TIMEOUT_MS / 1000} s`)), PAGE_TIMEOUT_MS);
    });
    const recognise = entry.ready.then((w) => w.recognize(job.image, {}, { blocks: true, text: false }));
    const { data } = await Promise.race([recognise, timeout]);
    job.resolve(data.blocks ?? []);
  } catch (error) {
    void removeWorker(entry);
    job.reject(error instanceof Error ? error : new Error(String(error)));
  } finally {
    clearTimeout(timer);
    entry.busy = false;
    entry.onProgress = null;
    dispatch();
  }
}

/**
 * OCR one page image (PNG, JPEG or PGM bytes) into rows. Pages queue for the
 * pool's workers; `size` is the image's size in pixels, for the rows' page geometry.
 */
export async function ocrImage(image: Buffer, options: { progress?: Progress; page?: number; size?: { width: number; height: number } } = {}): Promise<Row[]> {
  const blocks = await new Promise<Blocks>((resolve, reject) => {
    queue.push({ image, progress: options.progress, resolve, reject });
    dispatch();
  });
  return rowsFromRecognition(blocks, options.page ?? 1, options.size);
}

function rowsFromRecognition(blocks: Blocks, page: number, size?: { width: number; height: number }): Row[] {
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
  const extent = size ?? { width: Math.max(0, ...boxes.map((b) => b.x1)), height: Math.max(0, ...boxes.map((b) => b.y1)) };
  // Specks and table rules read as "|", ":" or "." make rows of their own: drop them.
  return rowsFromBoxes(boxes, page, extent).filter((row) => /[\p{L}\p{N}]/u.test(row.text));
}

/** Stops every OCR worker (the next page starts them again). */
export async function stopOcr() {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  await Promise.all(pool.filter((entry) => !entry.busy).map(removeWorker));
}
