"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function AppNav({ apps }: { apps: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Apps" className="flex items-center gap-1 overflow-x-auto">
      {apps.map((app) => {
        const active = pathname.startsWith(app.href);
        return (
          <Link
            key={app.href}
            href={app.href}
            aria-current={active ? "page" : undefined}
            className={`rounded px-2.5 py-1.5 text-sm hover:bg-white/15 ${active ? "bg-white/20 font-medium" : ""}`}
          >
            {app.label}
          </Link>
        );
      })}
    </nav>
  );
}
