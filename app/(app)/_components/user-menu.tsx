"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

export function UserMenu({ name, email, role }: { name: string; email: string; role: string }) {
  const [pending, setPending] = useState(false);
  return (
    <div className="flex items-center gap-3 text-sm">
      <span className="block leading-tight md:text-right">
        <span className="block font-medium">{name}</span>
        <span className="block text-xs text-white/75">
          {email} · {role === "ADMIN" ? "Administrator" : "User"}
        </span>
      </span>
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          setPending(true);
          void signOut({ callbackUrl: "/login" });
        }}
        className="rounded border border-white/40 px-2.5 py-1 hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "Signing out…" : "Sign out"}
      </button>
    </div>
  );
}
