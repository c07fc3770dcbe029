import "server-only";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { createWorker, OEM, type Worker } from "tesseract.js";
import { env } from "@/lib/env";
import { rowsFromBoxes, type Row, type TextBox } from "./rows";

// Offline OCR: the trained data comes from the @tesseract.js-data/<lang> npm
// packages (LSTM "best_int" models), handed to tesseract.js as bytes so it
// never fetches from a CDN; cacheMethod "none" keeps it from writing a copy into
// the working directory. One worker per process, reused: starting one costs a
// second, and pages are read one at a time anyway (OCR is CPU-bound).

const require = createRequire(import.meta.url);

export function trainedData(lang: string): Buffer {
  const dir = path.dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
  return readFileSync(path.join(dir, "4.0.0_best_int", `${lang}.traineddata.gz`));
}

type Progress = (fraction: number) => void;
let workerPromise: Promise<Worker> | undefined;
let onProgress: Progress | null = null;
let queue: Promise<unknown> = Promise.resolve();

function worker(): Promise<Worker> {
  workerPromise ??= createWorker(
    env().OCR_LANGUAGES.map((code) => ({ code, data: trainedData(code) })) as unknown as string[],
    OEM.LSTM_ONLY,
    {
      cacheMethod: "none",
      gzip: true,
      logger: (message: { status: string; progress: number }) => {
        if (message.status === "recognizing text") onProgress?.(message.progress);
      },
      errorHandler: () => {},
    },
  ).catch((error) => {
    workerPromise = undefined;
    throw error;
  });
  return workerPromise;
}

/** OCR one page image (PNG/JPEG bytes) into rows. Calls are serialised on the one worker. */
export function ocrImage(image: Buffer, progress?: Progress, page = 1): Promise<Row[]> {
  const run = queue.then(async () => {
    const w = await worker();
    onProgress = progress ?? null;
    try {
      const { data } = await w.recognize(image, { rotateAuto: true }, { blocks: true, text: false });
      const boxes: TextBox[] = [];
      for (const block of data.blocks ?? []) {
        for (const paragraph of block.paragraphs) {
          for (const line of paragraph.lines) {
            for (const word of line.words) {
              boxes.push({ text: word.text, ...word.bbox, confidence: word.confidence / 100 });
            }
          }
        }
      }
      return rowsFromBoxes(boxes, page);
    } finally {
      onProgress = null;
    }
  });
  queue = run.catch(() => {});
  return run;
}

export async function stopOcr() {
  const pending = workerPromise;
  workerPromise = undefined;
  if (pending) await (await pending).terminate();
}
