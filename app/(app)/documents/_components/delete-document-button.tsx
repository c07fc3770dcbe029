"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/action-button";
import { deleteDocumentAction } from "../actions";

/** Delete, after a confirmation. On the document's own page (`onItsPage`), the list opens once it is gone. */
export function DeleteDocumentButton({ documentId, fileName, onItsPage = false }: { documentId: number; fileName: string; onItsPage?: boolean }) {
  const t = useTranslations("documents.delete");
  return (
    <ActionButton
      action={deleteDocumentAction}
      fields={{ documentId, from: onItsPage ? "page" : "list" }}
      confirm={t("confirm", { file: fileName })}
      pendingLabel={t("pending")}
      label={t("labelFor", { file: fileName })}
      className="text-red-700"
      showSuccess={false}
    >
      {t("button")}
    </ActionButton>
  );
}
