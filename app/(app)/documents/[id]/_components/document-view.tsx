import { getTranslations } from "next-intl/server";
import { getDocumentFile } from "@/lib/digitization/documents";

const XML_SHOWN = 200_000;

/**
 * The document beside its fields: every page of a PDF (rendered on request,
 * lazily), an image as it is, an e-invoice XML as its text.
 */
export async function DocumentView({ document }: { document: { id: number; companyId: number; fileName: string; mimeType: string; pageCount: number | null } }) {
  const t = await getTranslations("documents.view");
  if (document.mimeType === "application/xml") {
    const file = await getDocumentFile(document.companyId, document.id);
    const xml = file ? new TextDecoder().decode(file.content.subarray(0, XML_SHOWN)) : "";
    return (
      <section aria-label={t("label")} className="min-w-0 rounded-lg border border-gray-200 bg-gray-50">
        <p className="border-b border-gray-200 px-3 py-2 text-sm text-gray-700">
          {t("xml", { file: document.fileName })}
          {file && file.content.length > XML_SHOWN ? t("xmlCut") : ""}
        </p>
        <pre className="max-h-[80vh] overflow-auto p-3 text-xs leading-relaxed text-gray-800">{xml}</pre>
      </section>
    );
  }
  const pages = document.mimeType === "application/pdf" ? Math.max(1, document.pageCount ?? 1) : 1;
  return (
    <section aria-label={t("label")} className="max-h-[85vh] space-y-3 overflow-auto rounded-lg border border-gray-200 bg-gray-100 p-2">
      {Array.from({ length: pages }, (_, i) => (
        <img
          key={i}
          src={`/api/documents/${document.id}/preview?page=${i + 1}`}
          alt={t("page", { number: i + 1, file: document.fileName })}
          loading={i === 0 ? "eager" : "lazy"}
          className="mx-auto w-full max-w-2xl bg-white shadow"
        />
      ))}
    </section>
  );
}
