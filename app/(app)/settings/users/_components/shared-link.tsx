"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/button";

/** An invitation link that could not be e-mailed (no SMTP server), shown once to the inviting administrator. */
export function SharedLink({ link }: { link: string }) {
  const t = useTranslations("users.sharedLink");
  const [copied, setCopied] = useState(false);
  return (
    <div className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
      <p>{t("text")}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1 text-xs">{link}</code>
        <Button
          type="button"
          variant="secondary"
          onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true))}
          className="px-2.5! py-1! text-xs!"
        >
          {copied ? t("copied") : t("copy")}
        </Button>
      </div>
    </div>
  );
}
