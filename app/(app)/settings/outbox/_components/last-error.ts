import { NOT_DELIVERED_NO_SMTP, SECRET_LINK_LOST } from "@/lib/mail/status";

/**
 * A row's last error as the reader reads it: the app's own markers ("kept for
 * lack of SMTP", "its secret link is lost") in their language; a mail
 * server's answer as it came (the server's words, which we cannot translate).
 */
export function lastErrorText(error: string, t: (key: "notDeliveredNoSmtp" | "secretLinkLost") => string): string {
  if (error === NOT_DELIVERED_NO_SMTP) return t("notDeliveredNoSmtp");
  if (error === SECRET_LINK_LOST) return t("secretLinkLost");
  return error;
}
