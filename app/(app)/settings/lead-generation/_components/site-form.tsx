"use client";

import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { TextField } from "@/components/form";
import type { FormAction } from "@/lib/actions/state";

export function SiteForm({ action }: { action: FormAction }) {
  const form = useActionForm(action);
  return (
    <form action={form.action} noValidate className="grid gap-4 rounded-lg border border-gray-200 bg-white p-4 shadow-xs sm:grid-cols-[1fr_2fr_auto] sm:items-start">
      <TextField label="Website name" name="name" placeholder="Company website" defaultValue={form.value("name")} errors={form.errors("name")} required />
      <TextField
        label="Addresses"
        name="origins"
        placeholder="https://www.example.com https://shop.example.com"
        defaultValue={form.value("origins")}
        errors={form.errors("origins")}
        hint="The site's addresses (origins), separated by spaces: only pages there can record visits."
        required
      />
      <Button type="submit" pending={form.pending} pendingLabel="Registering…" className="sm:mt-6">
        Register website
      </Button>
      <ActionFeedback state={form.state} className="sm:col-span-3" />
    </form>
  );
}
