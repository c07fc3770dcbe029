// The PDF worker thread: every pdf.js call on an uploaded file runs here, in
// a thread with its own heap limit, so a crafted PDF that makes pdf.js
// allocate without end or loop for ever kills this thread (the caller sees an
// error and a timeout) and never the web process. Plain JavaScript, loaded by
// path from the project root (like ocr-worker.cjs): Next.js does not bundle it.
import { parentPort, workerData } from "node:worker_threads";
import { createCanvas } from "@napi-rs/canvas";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const { bytes, maxImagePixels } = workerData;
let pdf;

async function open() {
  pdf ??= await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
    // Images larger than this are not decoded (a "page" holding a 100,000² px image).
    maxImageSize: maxImagePixels,
  }).promise;
  return pdf;
}

const handlers = {
  async info({ attachmentNames, maxAttachmentBytes }) {
    const doc = await open();
    const found = [];
    const attachments = (await doc.getAttachments().catch(() => null)) ?? {};
    for (const { filename, content } of Object.values(attachments)) {
      const name = String(filename ?? "");
      const wanted = attachmentNames.includes(name.toLowerCase()) || name.toLowerCase().endsWith(".xml");
      if (wanted && content && content.length <= maxAttachmentBytes) found.push({ name, bytes: content });
    }
    return { pages: doc.numPages, attachments: found };
  },

  async text({ page: number }) {
    const doc = await open();
    const page = await doc.getPage(number);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items = [];
    for (const item of content.items) {
      if (!("str" in item) || item.str.trim() === "") continue;
      items.push({ str: item.str, transform: item.transform, width: item.width, height: item.height });
    }
    page.cleanup();
    return { width: viewport.width, height: viewport.height, items };
  },

  async render({ page: number, dpi, maxPixels, maxSide, format }) {
    const doc = await open();
    const page = await doc.getPage(number);
    const base = page.getViewport({ scale: 1 });
    // The caps bound the canvas (native memory the heap limit does not see):
    // a page of any declared size is rendered at a resolution that fits them.
    let scale = dpi / 72;
    const pixels = base.width * base.height * scale * scale;
    if (pixels > maxPixels) scale *= Math.sqrt(maxPixels / pixels);
    scale = Math.min(scale, maxSide / base.width, maxSide / base.height);
    const viewport = page.getViewport({ scale });
    const width = Math.max(1, Math.floor(viewport.width));
    const height = Math.max(1, Math.floor(viewport.height));
    const canvas = createCanvas(width, height);
    const context = canvas.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, width, height);
    await page.render({ canvas, canvasContext: context, viewport }).promise;
    page.cleanup();
    if (format === "png") return { width, height, dpi: scale * 72, data: canvas.toBuffer("image/png") };
    // Grey levels for OCR: tesseract reads a PGM without decoding anything.
    const rgba = context.getImageData(0, 0, width, height).data;
    const grey = Buffer.allocUnsafe(width * height);
    for (let i = 0, j = 0; j < grey.length; i += 4, j++) grey[j] = (rgba[i] * 77 + rgba[i + 1] * 150 + rgba[i + 2] * 29) >> 8;
    return { width, height, dpi: scale * 72, data: grey };
  },
};

parentPort.on("message", async ({ id, op, args }) => {
  try {
    const result = await handlers[op](args);
    parentPort.postMessage({ id, result });
  } catch (error) {
    parentPort.postMessage({ id, error: error?.message ?? String(error) });
  }
});
