"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/button";
import { FieldLabel } from "@/components/form";

/** The contacts search: a GET form that shows it is searching while the next page loads. */
export function ContactSearch({ q }: { q: string }) {
  const t = useTranslations("contacts.search");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <form
      role="search"
      action="/contacts"
      className="flex w-full max-w-md gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const text = String(new FormData(event.currentTarget).get("q") ?? "").trim();
        startTransition(() => router.push(text ? `/contacts?${new URLSearchParams({ q: text })}` : "/contacts"));
      }}
    >
      <FieldLabel htmlFor="contact-search" hidden>{t("label")}</FieldLabel>
      <input
        id="contact-search"
        name="q"
        type="search"
        defaultValue={q}
        placeholder={t("placeholder")}
        className="block w-full min-w-0 rounded-md border border-gray-300 px-3 py-2 text-sm shadow-xs focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
      />
      <Button type="submit" variant="secondary" pending={pending} pendingLabel={t("pending")}>
        {t("submit")}
      </Button>
    </form>
  );
}
