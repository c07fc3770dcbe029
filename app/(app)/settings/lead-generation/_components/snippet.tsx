"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";

/** The code to paste into the site's pages, with a Copy button. */
export function Snippet({ siteName, code }: { siteName: string; code: string }) {
  const t = useTranslations("leads.snippet");
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-1.5">
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs font-medium text-gray-600">{t("heading")}</span>
        <button
          type="button"
          className="rounded border border-gray-300 bg-white px-2 py-0.5 text-xs font-medium text-gray-800 hover:bg-gray-50"
          onClick={() => navigator.clipboard?.writeText(code).then(() => setCopied(true))}
        >
          {t(copied ? "copied" : "copy")}
        </button>
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
