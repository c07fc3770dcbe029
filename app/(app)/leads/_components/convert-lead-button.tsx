"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/action-button";
import { StatusBadge } from "@/components/status-badge";
import { convertLeadAction } from "../actions";

/** "Convert to contact" on one lead; the page re-renders with the contact's link once it is done. */
export function ConvertLeadButton({ leadId, leadName }: { leadId: number; leadName: string }) {
  const t = useTranslations("leads.convert");
  return (
    <span className="flex flex-wrap items-center gap-2">
      <StatusBadge tone="info">{t("new")}</StatusBadge>
      <ActionButton action={convertLeadAction} fields={{ leadId }} pendingLabel={t("pending")} label={t("labelFor", { name: leadName })} showSuccess={false}>
        {t("button")}
      </ActionButton>
    </span>
  );
}
