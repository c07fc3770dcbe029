"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import { useState } from "react";

export function UserMenu({ name, email, role }: { name: string; email: string; role: string }) {
  const [pending, setPending] = useState(false);
  return (
    <div className="flex items-center gap-3 text-sm">
      {/* Named "Your profile" for assistive technology: a user's name must not pass for an app's ("Leads"). */}
      <Link href="/profile" aria-label="Your profile" title="Your profile" className="rounded px-1.5 py-0.5 text-right leading-tight hover:bg-white/15">
        <span className="block font-medium">{name}</span>
        <span className="hidden text-xs text-white/75 sm:block">
          {email} · {role === "ADMIN" ? "Administrator" : "User"}
        </span>
      </Link>
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          setPending(true);
          void signOut({ callbackUrl: "/login" });
        }}
        className="rounded border border-white/40 px-2.5 py-1 hover:bg-white/15 disabled:opacity-60"
      >
        {pending ? "Signing out…" : "Sign out"}
      </button>
    </div>
  );
}
