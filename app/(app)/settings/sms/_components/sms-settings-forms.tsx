"use client";

import { useTranslations } from "next-intl";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { SubmitRow, TextField } from "@/components/form";
import { addOptOutAction, saveSenderAction } from "../actions";

export function SenderForm({ senderName }: { senderName: string | null }) {
  const t = useTranslations("sms.settings");
  const form = useActionForm(saveSenderAction);
  return (
    <form action={form.action} className="space-y-3" noValidate>
      <TextField
        label={t("senderName")}
        name="senderName"
        // i18n-ignore: an example sender name, a brand in any language
        placeholder="ACME"
        maxLength={11}
        autoComplete="off"
        defaultValue={form.value("senderName", senderName ?? "")}
        errors={form.errors("senderName")}
        hint={t("senderHint")}
      />
      <SubmitRow label={t("save")} pendingLabel={t("saving")} pending={form.pending}>
        {!form.pending && <ActionFeedback state={form.state} />}
      </SubmitRow>
    </form>
  );
}

export function AddOptOutForm() {
  const t = useTranslations("sms.settings");
  const form = useActionForm(addOptOutAction);
  return (
    <form action={form.action} className="space-y-3" noValidate>
      <TextField label={t("phoneNumber")} name="number" type="tel" placeholder="+33 6 12 34 56 78" autoComplete="off" defaultValue={form.value("number")} errors={form.errors("number")} required />
      <Button type="submit" pending={form.pending} pendingLabel={t("adding")}>
        {t("add")}
      </Button>
      {!form.pending && <ActionFeedback state={form.state} />}
    </form>
  );
}
