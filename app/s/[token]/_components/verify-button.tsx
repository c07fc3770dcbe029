"use client";

import { useTranslations } from "next-intl";
import { actionMessage, useActionForm } from "@/components/action-feedback";
import { Button } from "@/components/button";
import { startVerificationAction } from "../actions";

export function VerifyButton({ token }: { token: string }) {
  const t = useTranslations("sign.signing.identity");
  const form = useActionForm(startVerificationAction);
  const message = actionMessage(form.state);
  return (
    <form action={form.action} className="mt-3 space-y-2">
      <input type="hidden" name="token" value={token} />
      <Button type="submit" pending={form.pending} pendingLabel={t("opening")}>
        {t("verify")}
      </Button>
      {/* Amber, not red: the signer did nothing wrong (the provider is down, or the requester must act). */}
      {!form.pending && form.failed && message && (
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {message}
        </p>
      )}
    </form>
  );
}
