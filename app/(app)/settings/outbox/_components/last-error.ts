import { NOT_DELIVERED_NO_SMTP } from "@/lib/mail/status";

/**
 * A row's last error as the reader reads it: the app's own "kept for lack of
 * SMTP" marker in their language; a mail server's answer as it came.
 */
export function lastErrorText(error: string, t: (key: "notDeliveredNoSmtp") => string): string {
  return error === NOT_DELIVERED_NO_SMTP ? t("notDeliveredNoSmtp") : error;
}
