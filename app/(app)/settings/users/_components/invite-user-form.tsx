"use client";

import { useTranslations } from "next-intl";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { SelectField, TextField } from "@/components/form";
import { inviteUserAction } from "../actions";
import { SharedLink } from "./shared-link";

export function InviteUserForm() {
  const t = useTranslations("users");
  const form = useActionForm(inviteUserAction);
  return (
    <section aria-labelledby="invite-heading" className="rounded-lg border border-gray-200 bg-white p-5">
      <h2 id="invite-heading" className="text-base font-semibold">
        {t("invite.title")}
      </h2>
      <p className="mt-0.5 text-sm text-gray-600">{t("invite.intro")}</p>
      <form action={form.action} noValidate className="mt-4 grid gap-4 sm:grid-cols-[1fr_1fr_auto_auto] sm:items-start">
        <TextField label={t("invite.email")} name="email" type="email" autoComplete="off" defaultValue={form.value("email")} errors={form.errors("email")} />
        <TextField label={t("invite.name")} name="name" autoComplete="off" defaultValue={form.value("name")} errors={form.errors("name")} />
        <SelectField label={t("invite.role")} name="role" defaultValue={form.value("role", "USER")} errors={form.errors("role")}>
          <option value="USER">{t("roles.USER")}</option>
          <option value="ADMIN">{t("roles.ADMIN")}</option>
        </SelectField>
        <Button type="submit" pending={form.pending} pendingLabel={t("invite.submitting")} className="sm:mt-6">
          {t("invite.submit")}
        </Button>
      </form>
      <ActionFeedback state={form.state} className="mt-3" />
      {form.data?.linkToShare && <SharedLink link={form.data.linkToShare} />}
    </section>
  );
}
