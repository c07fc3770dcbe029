"use client";

import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { TextField } from "@/components/form";
import { addOptOutAction, saveSenderAction } from "../actions";

export function SenderForm({ senderName }: { senderName: string | null }) {
  const form = useActionForm(saveSenderAction);
  return (
    <form action={form.action} className="space-y-3" noValidate>
      <TextField
        label="Sender name"
        name="senderName"
        placeholder="ACME"
        maxLength={11}
        autoComplete="off"
        defaultValue={form.value("senderName", senderName ?? "")}
        errors={form.errors("senderName")}
        hint="1–11 letters, digits or spaces, with at least one letter. Leave empty to always send from the number."
      />
      <div className="flex items-center gap-3">
        <Button type="submit" pending={form.pending} pendingLabel="Saving…">
          Save
        </Button>
        {!form.pending && <ActionFeedback state={form.state} />}
      </div>
    </form>
  );
}

export function AddOptOutForm() {
  const form = useActionForm(addOptOutAction);
  return (
    <form action={form.action} className="space-y-3" noValidate>
      <TextField label="Phone number" name="number" type="tel" placeholder="+33 6 12 34 56 78" autoComplete="off" defaultValue={form.value("number")} errors={form.errors("number")} required />
      <Button type="submit" pending={form.pending} pendingLabel="Adding…">
        Add to opt-out list
      </Button>
      {!form.pending && <ActionFeedback state={form.state} />}
    </form>
  );
}
