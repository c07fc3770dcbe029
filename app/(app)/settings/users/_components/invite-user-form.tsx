"use client";

import { useActionState, useId, useState } from "react";
import { Button } from "@/components/button";
import { FieldError, TextField } from "@/components/form";
import { inviteUserAction, type UserActionState } from "../actions";
import { SharedLink } from "./shared-link";

export function InviteUserForm() {
  // Controlled: React resets a form after its action, and a refused invitation must keep what was typed.
  const [fields, setFields] = useState({ email: "", name: "", role: "USER" });
  const [state, action, pending] = useActionState<UserActionState, FormData>(async (previous, formData) => {
    const next = await inviteUserAction(previous, formData);
    if (next.ok) setFields({ email: "", name: "", role: "USER" });
    return next;
  }, { ok: false, message: "" });
  const field = (name: keyof typeof fields) => ({
    name,
    value: fields[name],
    onChange: (event: { target: { value: string } }) => setFields((current) => ({ ...current, [name]: event.target.value })),
  });
  const roleId = useId();
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  return (
    <section aria-labelledby="invite-heading" className="rounded-lg border border-gray-200 bg-white p-5">
      <h2 id="invite-heading" className="text-base font-semibold">
        Invite user
      </h2>
      <p className="mt-0.5 text-sm text-gray-600">They get an e-mail with a link to choose their password (valid 7 days, usable once).</p>
      <form action={action} noValidate className="mt-4 grid gap-4 sm:grid-cols-[1fr_1fr_auto_auto] sm:items-start">
        <TextField label="E-mail" {...field("email")} type="email" autoComplete="off" errors={errors.email} />
        <TextField label="Name" {...field("name")} autoComplete="off" errors={errors.name} />
        <div>
          <label htmlFor={roleId} className="block text-sm font-medium text-gray-800">
            Role
          </label>
          <select
            id={roleId}
            {...field("role")}
            className="mt-1 block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
          >
            <option value="USER">User</option>
            <option value="ADMIN">Administrator</option>
          </select>
        </div>
        <Button type="submit" pending={pending} pendingLabel="Inviting…" className="sm:mt-6">
          Send invitation
        </Button>
      </form>
      {state.message && !pending && (
        <div role={state.ok ? "status" : "alert"} className="mt-3 text-sm">
          {state.ok ? <p className="text-green-800">{state.message}</p> : <FieldError>{state.message}</FieldError>}
          {state.linkToShare && <SharedLink link={state.linkToShare} />}
        </div>
      )}
    </section>
  );
}
