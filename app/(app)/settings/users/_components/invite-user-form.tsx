"use client";

import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { SelectField, TextField } from "@/components/form";
import { inviteUserAction } from "../actions";
import { SharedLink } from "./shared-link";

export function InviteUserForm() {
  const form = useActionForm(inviteUserAction);
  return (
    <section aria-labelledby="invite-heading" className="rounded-lg border border-gray-200 bg-white p-5">
      <h2 id="invite-heading" className="text-base font-semibold">
        Invite user
      </h2>
      <p className="mt-0.5 text-sm text-gray-600">They get an e-mail with a link to choose their password (valid 7 days, usable once).</p>
      <form action={form.action} noValidate className="mt-4 grid gap-4 sm:grid-cols-[1fr_1fr_auto_auto] sm:items-start">
        <TextField label="E-mail" name="email" type="email" autoComplete="off" defaultValue={form.value("email")} errors={form.errors("email")} />
        <TextField label="Name" name="name" autoComplete="off" defaultValue={form.value("name")} errors={form.errors("name")} />
        <SelectField label="Role" name="role" defaultValue={form.value("role", "USER")} errors={form.errors("role")}>
          <option value="USER">User</option>
          <option value="ADMIN">Administrator</option>
        </SelectField>
        <Button type="submit" pending={form.pending} pendingLabel="Inviting…" className="sm:mt-6">
          Send invitation
        </Button>
      </form>
      <ActionFeedback state={form.state} className="mt-3" />
      {form.data?.linkToShare && <SharedLink link={form.data.linkToShare} />}
    </section>
  );
}
