import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { mailSettings } from "@/lib/mail/transport";

const code = (chunks: ReactNode) => <span className="break-all font-mono">{chunks}</span>;

/** Says how e-mails leave this server, so "Not delivered" rows explain themselves. */
export function DeliveryNotice() {
  const t = useTranslations("outbox.notice");
  const mail = mailSettings();
  if (mail.smtp) {
    return <p className="text-sm text-gray-600">{t.rich("smtp", { code, target: mail.target, from: mail.from })}</p>;
  }
  return (
    <div role="note" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p className="font-medium">{t("noSmtp")}</p>
      <p className="mt-1">{t.rich("noSmtpHelp", { code, em: (chunks) => <em>{chunks}</em> })}</p>
    </div>
  );
}
