"use client";

import { Button } from "@/components/button";
import { FormStatus } from "@/components/form-status";
import { useKeptForm } from "@/components/use-kept-form";
import { TextField } from "@/components/form";
import type { CompanyDetailsInput, CompanyDetailsState } from "@/lib/settings/schemas";
import { saveCompanyDetailsAction } from "../actions";

const INITIAL: CompanyDetailsState = { ok: false, message: "", fieldErrors: {} };

export function CompanyForm({ initial }: { initial: CompanyDetailsInput }) {
  const { state, pending, values, change, dirty, onSubmit } = useKeptForm(saveCompanyDetailsAction, INITIAL, initial);
  const field = (name: keyof CompanyDetailsInput) => ({
    name,
    value: values[name],
    errors: state.fieldErrors[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => change({ [name]: event.target.value }),
  });
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={onSubmit}
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
        <Button type="submit" pending={pending} pendingLabel="Checking and saving…">
          Save
        </Button>
        <FormStatus state={state} pending={pending} dirty={dirty} />
      </div>
    </form>
  );
}
