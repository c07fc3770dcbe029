"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { TextField } from "@/components/form";
import type { FormState } from "@/lib/visitors/schemas";

export function SiteForm({ action }: { action: (state: FormState<"name" | "origins">, formData: FormData) => Promise<FormState<"name" | "origins">> }) {
  const [state, formAction, pending] = useActionState(action, { ok: false, message: "" });
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="grid gap-4 rounded-lg border border-gray-200 bg-white p-4 shadow-xs sm:grid-cols-[1fr_2fr_auto] sm:items-start">
      <TextField label="Website name" name="name" placeholder="Company website" errors={errors.name} required />
      <TextField
        label="Addresses"
        name="origins"
        placeholder="https://www.example.com https://shop.example.com"
        errors={errors.origins}
        hint="The site's addresses (origins), separated by spaces: only pages there can record visits."
        required
      />
      <Button type="submit" pending={pending} pendingLabel="Registering…" className="sm:mt-6">
        Register website
      </Button>
      {state.message && (
        <p role="status" className={`text-sm sm:col-span-3 ${state.ok ? "text-green-800" : "text-red-700"}`}>
          {state.message}
        </p>
      )}
    </form>
  );
}
