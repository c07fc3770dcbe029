"use client";

import { useTranslations } from "next-intl";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { TextField } from "@/components/form";
import type { FormAction } from "@/lib/actions/state";

export function SiteForm({ action }: { action: FormAction }) {
  const t = useTranslations("leads.siteForm");
  const form = useActionForm(action);
  return (
    <form action={form.action} noValidate className="grid gap-4 rounded-lg border border-gray-200 bg-white p-4 shadow-xs sm:grid-cols-[1fr_2fr_auto] sm:items-start">
      <TextField label={t("name")} name="name" placeholder={t("namePlaceholder")} defaultValue={form.value("name")} errors={form.errors("name")} required />
      <TextField
        label={t("origins")}
        name="origins"
        placeholder="https://www.example.com https://shop.example.com" // i18n-ignore: example addresses, not words
        defaultValue={form.value("origins")}
        errors={form.errors("origins")}
        hint={t("originsHint")}
        required
      />
      <Button type="submit" pending={form.pending} pendingLabel={t("pending")} className="sm:mt-6">
        {t("submit")}
      </Button>
      <ActionFeedback state={form.state} className="sm:col-span-3" />
    </form>
  );
}
