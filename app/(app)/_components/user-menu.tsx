"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

export function UserMenu({ name, email, role }: { name: string; email: string; role: string }) {
  const t = useTranslations("common.userMenu");
  const [pending, setPending] = useState(false);
  return (
    <div className="flex items-center gap-3 text-sm">
      {/* Named "Your profile: <name>…" for assistive technology: a user's name must not pass for an app's ("Leads"),
          and the name shown stays part of the link's name (no aria-label that would hide it, WCAG 2.5.3). */}
      <Link href="/profile" title={t("profileTitle")} className="rounded px-1.5 py-0.5 leading-tight hover:bg-white/15 md:text-right">
        <span className="sr-only">{t("profilePrefix")}</span>
        <span className="block max-w-56 truncate font-medium">{name}</span>
        <span className="block max-w-56 truncate text-xs text-white/75">
          {email} · {role === "ADMIN" ? t("administrator") : t("user")}
        </span>
      </Link>
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          setPending(true);
          void signOut({ callbackUrl: "/login" });
        }}
        className="whitespace-nowrap rounded border border-white/40 px-2.5 py-1 hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? t("signingOut") : t("signOut")}
      </button>
    </div>
  );
}
