// The words of the upload form and of deleting: lib/digitization returns
// problem codes and data, this is how the Documents pages say them.
import type { DeleteDocumentOutcome, DuplicateUpload, UploadProblem } from "@/lib/digitization/documents";
import { formatBytes } from "@/lib/digitization/limits";
import { countText } from "@/components/plural";

const UTC_DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** What a content type is called, for "its content is …". */
const TYPE_NAMES: Record<string, string> = {
  "text/plain": "plain text",
  "image/gif": "a GIF image",
  "image/webp": "a WebP image",
  "image/tiff": "a TIFF image",
  "image/heic": "a HEIC photo",
  "image/bmp": "a BMP image",
  "application/zip": "a ZIP archive",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "a Word document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "an Excel workbook",
  "application/x-cfb": "an old Office document",
};

export function problemText(problem: UploadProblem): string {
  switch (problem.code) {
    case "no-file":
      return "Choose at least one PDF, PNG, JPEG or XML e-invoice file first.";
    case "too-many-files":
      return `Upload at most ${problem.max} files at once (you chose ${problem.chosen}).`;
    case "too-large-total":
      return `These files add up to ${formatBytes(problem.bytes)}; upload at most ${formatBytes(problem.max)} at once.`;
    case "empty":
      return `${problem.file}: the file is empty.`;
    case "too-large":
      return `${problem.file}: ${formatBytes(problem.bytes)} is over the ${formatBytes(problem.max)} limit.`;
    case "unsupported-type": {
      const what = problem.detected ? (TYPE_NAMES[problem.detected] ?? problem.detected) : "not a type this app recognises";
      return `${problem.file}: not a PDF, PNG, JPEG or XML file (its content is ${what}).`;
    }
    case "not-an-einvoice":
      return `${problem.file}: an XML file that is not an e-invoice (a UBL Invoice or CreditNote, or a UN/CEFACT Cross Industry Invoice).`;
    case "too-many-pages":
      return `${problem.file}: ${countText(problem.pages, "page", "pages")}; at most ${problem.max} are read. Upload the pages with the invoice only.`;
  }
}

export function duplicateText(duplicate: DuplicateUpload): string {
  return duplicate.earlier
    ? `${duplicate.file} was already uploaded on ${UTC_DATE.format(duplicate.earlier.createdAt)}${duplicate.earlier.fileName === duplicate.file ? "" : ` (as ${duplicate.earlier.fileName})`}.`
    : `${duplicate.file} is chosen twice in this upload.`;
}

export function uploadedText(count: number): string {
  return `${countText(count, "document", "documents")} uploaded: digitizing starts now.`;
}

export const DELETE_REFUSALS: Record<Exclude<DeleteDocumentOutcome, "deleted">, string> = {
  "not-found": "This document does not exist (any more).",
  "being-read": "This document is being read right now: delete it once it is done.",
  confirmed: "This document became a vendor bill: it is kept with the bill.",
};
