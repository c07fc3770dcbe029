// The words of the upload form and of deleting: lib/digitization returns
// problem codes and data, this is how the Documents pages say them, in the
// reader's language (messages/<locale>/documents.json).
import type { DeleteDocumentOutcome, DuplicateUpload, UploadProblem } from "@/lib/digitization/documents";
import { formatBytes } from "@/lib/digitization/limits";

/** A translator of the "documents" namespace (getTranslations / useTranslations). */
export type DocumentWords = (key: string, values?: Record<string, string | number>) => string;

/** What a content type is called, for "its content is …" (messages documents.upload.types.<key>). */
const TYPE_KEYS: Record<string, string> = {
  "text/plain": "text",
  "image/gif": "gif",
  "image/webp": "webp",
  "image/tiff": "tiff",
  "image/heic": "heic",
  "image/bmp": "bmp",
  "application/zip": "zip",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "word",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "excel",
  "application/x-cfb": "oldOffice",
};

export function problemText(t: DocumentWords, locale: string, problem: UploadProblem): string {
  const size = (bytes: number) => formatBytes(bytes, locale);
  switch (problem.code) {
    case "no-file":
      return t("upload.problems.no-file");
    case "too-many-files":
      return t("upload.problems.too-many-files", { max: problem.max, chosen: problem.chosen });
    case "too-large-total":
      return t("upload.problems.too-large-total", { bytes: size(problem.bytes), max: size(problem.max) });
    case "empty":
      return t("upload.problems.empty", { file: problem.file });
    case "too-large":
      return t("upload.problems.too-large", { file: problem.file, bytes: size(problem.bytes), max: size(problem.max) });
    case "unsupported-type": {
      const key = problem.detected ? TYPE_KEYS[problem.detected] : "unknown";
      const what = key ? t(`upload.types.${key}`) : problem.detected!;
      return t("upload.problems.unsupported-type", { file: problem.file, what });
    }
    case "not-an-einvoice":
      return t("upload.problems.not-an-einvoice", { file: problem.file });
    case "too-many-pages":
      return t("upload.problems.too-many-pages", { file: problem.file, pages: problem.pages, max: problem.max });
  }
}

/** "21 Nov 2026" in English (as before), the locale's medium date elsewhere; UTC, as the upload is stored. */
function uploadDay(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

export function duplicateText(t: DocumentWords, locale: string, duplicate: DuplicateUpload): string {
  if (!duplicate.earlier) return t("upload.duplicates.twice", { file: duplicate.file });
  const date = uploadDay(duplicate.earlier.createdAt, locale);
  return duplicate.earlier.fileName === duplicate.file
    ? t("upload.duplicates.before", { file: duplicate.file, date })
    : t("upload.duplicates.beforeAs", { file: duplicate.file, date, earlier: duplicate.earlier.fileName });
}

/** The refusals of deleting: messages documents.delete.refusals.<outcome>. */
export function deleteRefusalText(t: DocumentWords, outcome: Exclude<DeleteDocumentOutcome, "deleted">): string {
  return t(`delete.refusals.${outcome}`);
}

/** Why digitizing stopped (Document.errorReason holds a code, or an operator's detail for an unexpected failure). */
const ERROR_KEYS: Record<string, string> = {
  unreadable: "unreadable",
  "too many pages": "tooManyPages",
  "not an e-invoice": "notAnEinvoice",
  "image too large": "imageTooLarge",
  "not enough credits": "notEnoughCredits",
};

export function errorText(t: DocumentWords, reason: string): string {
  const key = ERROR_KEYS[reason];
  return key ? t(`errors.${key}.label`) : reason;
}

export function errorHelp(t: DocumentWords, reason: string | null): string {
  const key = reason ? ERROR_KEYS[reason] : undefined;
  return key && key !== "notEnoughCredits" ? t(`errors.${key}.help`) : t("errors.other");
}
