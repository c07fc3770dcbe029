"use client";

import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/copy-button";

/** The code to paste into the site's pages, with a Copy button. */
export function Snippet({ siteName, code }: { siteName: string; code: string }) {
  const t = useTranslations("leads.snippet");
  return (
    <div className="space-y-1.5">
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs font-medium text-gray-600">{t("heading")}</span>
        <CopyButton text={code} copy={t("copy")} copied={t("copied")} small />
      </div>
      <textarea
        readOnly
        aria-label={t("labelFor", { name: siteName })}
        value={code}
        rows={5}
        onFocus={(event) => event.currentTarget.select()}
        className="block w-full resize-y rounded-md border border-gray-300 bg-gray-50 p-2 font-mono text-xs text-gray-800"
      />
    </div>
  );
}
