import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { rowsFromBoxes, type Row, type TextBox } from "./rows";

// An uploaded PDF is opened in a worker thread of its own (pdf-worker.mjs):
// pdf.js parses and renders untrusted bytes there, under a heap limit and a
// time limit per call, and every page is rendered within a pixel budget. A
// PDF that would exhaust memory or never finish costs that thread, which is
// ended, and the document is reported unreadable; the web process and the
// other documents carry on.

/** Pixels of one rendered page at most: A3 at 200 dpi is 7.8 million, a poster-sized page is scaled down to this. */
export const MAX_PAGE_PIXELS = 12_000_000;
/** Longest side of a rendered page, in pixels. */
export const MAX_PAGE_SIDE = 6_000;
/** Largest image inside a PDF that pdf.js decodes (a 600 dpi A4 scan is 35 million pixels). */
const MAX_IMAGE_PIXELS = 60_000_000;
/** The PDF thread's JavaScript heap. */
const HEAP_MB = 512;
/** One call (open, read a page's text, render a page) at most. */
const CALL_TIMEOUT_MS = 60_000;
const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export type PdfFailure = "timeout" | "memory" | "crashed" | "unreadable";

export class PdfError extends Error {
  constructor(
    readonly failure: PdfFailure,
    detail: string,
  ) {
    super(detail);
  }
}

export interface PdfInfo {
  pages: number;
  /** Embedded .xml files (Factur-X / ZUGFeRD / XRechnung invoices carry theirs). */
  attachments: { name: string; bytes: Uint8Array }[];
}

export interface RenderedPage {
  width: number;
  height: number;
  /** The resolution actually used (lower than asked for when the page is larger than the caps allow). */
  dpi: number;
  /** PNG bytes, or one grey byte per pixel. */
  data: Uint8Array;
}

function workerScript(): string {
  // Resolved from the project root: the server always runs there, and Next.js
  // must not bundle the script (it runs as its own module in the thread).
  const script = path.resolve("lib", "digitization", "text", "pdf-worker.mjs");
  if (!existsSync(script)) throw new Error(`PDF worker script missing at ${script}`);
  return script;
}

/** One PDF opened in its own thread. Close it (or use `withPdf`) when done. */
export class IsolatedPdf {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  private nextId = 1;
  private failed: PdfError | null = null;

  private readonly timeoutMs: number;

  constructor(bytes: Uint8Array, limits: { heapMb?: number; timeoutMs?: number } = {}) {
    this.timeoutMs = limits.timeoutMs ?? CALL_TIMEOUT_MS;
    const heapMb = limits.heapMb ?? HEAP_MB;
    this.worker = new Worker(workerScript(), {
      workerData: { bytes: new Uint8Array(bytes), maxImagePixels: MAX_IMAGE_PIXELS },
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(4, heapMb / 4)), stackSizeMb: 4 },
      stdout: true,
      stderr: true,
    });
    this.worker.unref();
    this.worker.on("message", ({ id, result, error }: { id: number; result?: unknown; error?: string }) => {
      const call = this.pending.get(id);
      if (!call) return;
      this.pending.delete(id);
      clearTimeout(call.timer);
      if (error !== undefined) call.reject(new PdfError("unreadable", error));
      else call.resolve(result);
    });
    this.worker.on("error", (error: Error & { code?: string }) => {
      this.fail(new PdfError(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? "memory" : "crashed", error.message));
    });
    this.worker.on("exit", (code) => {
      if (this.pending.size) this.fail(new PdfError("crashed", `PDF worker exited with code ${code}`));
    });
  }

  private fail(error: PdfError) {
    this.failed ??= error;
    for (const call of this.pending.values()) {
      clearTimeout(call.timer);
      call.reject(error);
    }
    this.pending.clear();
  }

  private call<T>(op: string, args: Record<string, unknown> = {}): Promise<T> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(new PdfError("timeout", `${op} took longer than ${this.timeoutMs / 1000} s`));
        void this.worker.terminate();
      }, this.timeoutMs);
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      this.worker.postMessage({ id, op, args });
    });
  }

  info(attachmentNames: string[] = []): Promise<PdfInfo> {
    return this.call("info", { attachmentNames: attachmentNames.map((n) => n.toLowerCase()), maxAttachmentBytes: MAX_ATTACHMENT_BYTES });
  }

  /** The page's text layer as rows; empty for a scanned page. */
  async pageRows(pageNumber: number): Promise<Row[]> {
    const { width, height, items } = await this.call<{ width: number; height: number; items: { str: string; transform: number[]; width: number; height: number }[] }>("text", { page: pageNumber });
    const boxes: TextBox[] = items.map((item) => {
      const [, , , d, e, f] = item.transform;
      const size = Math.abs(item.height || d) || 10;
      // PDF space has y going up; rows want y going down.
      const top = height - f - size;
      return { text: item.str, x0: e, x1: e + item.width, y0: top, y1: top + size, confidence: 1 };
    });
    return rowsFromBoxes(boxes, pageNumber, { width, height });
  }

  /** Renders a page at `dpi` within the pixel caps: grey pixels for OCR, or a PNG. */
  render(pageNumber: number, dpi: number, format: "grey" | "png"): Promise<RenderedPage> {
    return this.call("render", { page: pageNumber, dpi, maxPixels: MAX_PAGE_PIXELS, maxSide: MAX_PAGE_SIDE, format });
  }

  async close(): Promise<void> {
    this.fail(new PdfError("crashed", "closed"));
    await this.worker.terminate();
  }
}

export async function withPdf<T>(bytes: Uint8Array, work: (pdf: IsolatedPdf) => Promise<T>): Promise<T> {
  const pdf = new IsolatedPdf(bytes);
  try {
    return await work(pdf);
  } finally {
    await pdf.close();
  }
}

/** Grey pixels as a binary PGM image, which tesseract reads without decoding. */
export function pgm(page: { width: number; height: number; data: Uint8Array }): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${page.width} ${page.height}\n255\n`), Buffer.from(page.data.buffer, page.data.byteOffset, page.data.byteLength)]);
}
