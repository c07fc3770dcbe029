import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClasses } from "./button";

/** "Send by Post" on a contact: opens the Snailmail compose page for that contact. */
export function SendByPostLink({ contactId, className = "" }: { contactId: number; className?: string }) {
  const t = useTranslations("letters");
  return (
    <Link href={`/contacts/${contactId}/post`} className={buttonClasses("secondary", className)}>
      <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4">
        <path d="M3 4a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2H3Zm0 2h14v.4l-7 4.2-7-4.2V6Zm0 2.7 6.5 3.9a1 1 0 0 0 1 0L17 8.7V14H3V8.7Z" />
      </svg>
      {t("sendByPost")}
    </Link>
  );
}
