"use client";

import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/copy-button";

/** An invitation link that could not be e-mailed (no SMTP server), shown once to the inviting administrator. */
export function SharedLink({ link }: { link: string }) {
  const t = useTranslations("users.sharedLink");
  return (
    <div className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
      <p>{t("text")}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1 text-xs">{link}</code>
        <CopyButton text={link} copy={t("copy")} copied={t("copied")} small />
      </div>
    </div>
  );
}
