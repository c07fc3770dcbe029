"use client";

import { startTransition, useState } from "react";
import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { TextField } from "@/components/form";
import type { CompanyDetailsInput } from "@/lib/settings/schemas";
import { saveCompanyDetailsAction } from "../actions";

export function CompanyForm({ initial }: { initial: CompanyDetailsInput }) {
  const form = useActionForm(saveCompanyDetailsAction);
  // Controlled fields, submitted from onSubmit: what was typed stays next to its error.
  const [values, setValues] = useState(initial);
  const [dirty, setDirty] = useState(false);
  const field = (name: keyof CompanyDetailsInput) => ({
    name,
    value: values[name],
    errors: form.errors(name),
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
      setValues((current) => ({ ...current, [name]: event.target.value }));
      setDirty(true);
    },
  });
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        setDirty(false);
        startTransition(() => form.action(data));
      }}
    >
      <TextField label="Company name" autoComplete="organization" {...field("name")} />
      <TextField label="Street" autoComplete="street-address" {...field("street")} />
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <TextField label="Postcode" autoComplete="postal-code" {...field("zip")} />
        <TextField label="City" autoComplete="address-level2" {...field("city")} />
      </div>
      <TextField
        label="VAT number"
        autoComplete="off"
        placeholder="BE0123456749"
        hint="With its country code. Printed on your invoices; an EU VAT number of another country than the seller's means VAT is reverse-charged."
        {...field("vatNumber")}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" pending={form.pending} pendingLabel="Checking and saving…">
          Save
        </Button>
        {!form.pending && !dirty && <ActionFeedback state={form.state} />}
      </div>
    </form>
  );
}
