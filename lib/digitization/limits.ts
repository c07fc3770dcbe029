// Upload limits, shared by the upload form (shown as hints) and the server.
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES_PER_UPLOAD = 20;
/** All files of one upload together (next.config.ts lets request bodies this big through, plus room for the form). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
export const MAX_PAGES = 5;
/** A page is rasterised at this resolution before OCR. */
export const OCR_DPI = 200;
export const ACCEPTED_TYPES = { "application/pdf": "PDF", "image/png": "PNG", "image/jpeg": "JPEG" } as const;
export type AcceptedType = keyof typeof ACCEPTED_TYPES;
/** Below this confidence a field is highlighted for review. */
export const REVIEW_CONFIDENCE = 0.8;

/** What the bytes really are (the browser's type and the file name can lie). */
export function sniffType(bytes: Uint8Array): AcceptedType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
