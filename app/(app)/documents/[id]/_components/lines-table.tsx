import { useTranslations } from "next-intl";
import type { InvoiceLine } from "@/lib/digitization/extract/types";

/** The invoice lines as read (decimal strings, shown as they are). */
export function LinesTable({ lines, currency }: { lines: InvoiceLine[]; currency: string | null }) {
  const t = useTranslations("documents.lines");
  return (
    <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="px-3 pt-2 text-left text-sm font-semibold text-gray-900">{t("caption", { count: lines.length })}</caption>
        <thead className="border-b border-gray-200 text-xs uppercase tracking-wide text-gray-600">
          <tr>
            <th scope="col" className="px-3 py-2">{t("description")}</th>
            <th scope="col" className="px-3 py-2 text-right">{t("quantity")}</th>
            <th scope="col" className="px-3 py-2 text-right">{t("unitPrice")}</th>
            <th scope="col" className="px-3 py-2 text-right">{t("vat")}</th>
            <th scope="col" className="px-3 py-2 text-right">{currency ? t("amountIn", { currency }) : t("amount")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {lines.map((line, i) => (
            <tr key={i}>
              <td className="px-3 py-1.5 text-gray-900">{line.description ?? "—"}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{line.quantity ?? "—"}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{line.unitPrice ?? "—"}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{line.vatRate !== null ? t("rate", { rate: line.vatRate }) : "—"}</td>
              <td className="px-3 py-1.5 text-right font-medium tabular-nums">{line.amount ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
