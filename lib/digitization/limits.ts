// Upload limits, shared by the upload form (shown as hints) and the server.
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES_PER_UPLOAD = 20;
/** All files of one upload together (next.config.ts lets request bodies this big through, plus room for the form). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
export const MAX_PAGES = 5;
/** A page is rasterised at this resolution before OCR (amounts are misread at 96 dpi). */
export const OCR_DPI = 200;
/** An uploaded image with more pixels than this is refused unread (a 600 dpi A4 scan has 35 million). */
export const MAX_IMAGE_PIXELS = 60_000_000;
export const ACCEPTED_TYPES = { "application/pdf": "PDF", "image/png": "PNG", "image/jpeg": "JPEG", "application/xml": "XML" } as const;
export type AcceptedType = keyof typeof ACCEPTED_TYPES;
/** Below this confidence a field is highlighted for review. */
export const REVIEW_CONFIDENCE = 0.8;

/**
 * Credits per document read: a PDF or image is OCR'd or parsed for 1 credit;
 * an e-invoice (an XML file, or a PDF that carries one) is read from its XML
 * exactly, with no OCR, for nothing.
 */
export const CREDITS_PER_DOCUMENT = 1;
export const CREDITS_PER_EINVOICE = 0;

/** What the bytes really are (the browser's type and the file name can lie). */
export function sniffType(bytes: Uint8Array): AcceptedType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (looksLikeXml(bytes)) return "application/xml";
  return null;
}

/** True when the bytes start like an XML document (after a byte order mark and white space). */
export function looksLikeXml(bytes: Uint8Array): boolean {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  while (start < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[start])) start++;
  return bytes[start] === 0x3c && (bytes[start + 1] === 0x3f || /[A-Za-z!]/.test(String.fromCharCode(bytes[start + 1] ?? 0)));
}

/** Width and height of a PNG or JPEG from its header, read before anything decodes it. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50) return { width: view.getUint32(16), height: view.getUint32(20) };
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    let at = 2;
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) return null;
      const marker = bytes[at + 1];
      const length = view.getUint16(at + 2);
      // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
      at += 2 + length;
    }
  }
  return null;
}

/**
 * A file size in binary units, in the reader's language ("8 MB", "8 Mo",
 * "12 octets"). English keeps the app's "KB" rather than Intl's "kB".
 */
export function formatBytes(bytes: number, locale = "en"): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [Number((bytes / 1024 / 1024).toFixed(1)), "megabyte"] : bytes >= 1024 ? [Math.round(bytes / 1024), "kilobyte"] : [bytes, "byte"];
  if (locale === "en") return `${value} ${{ megabyte: "MB", kilobyte: "KB", byte: "bytes" }[unit]}`;
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: unit === "byte" ? "long" : "short", maximumFractionDigits: 1 }).format(value);
}
