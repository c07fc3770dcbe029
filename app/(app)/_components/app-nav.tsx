"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

export interface AppLink {
  href: string;
  label: string;
}

// Active item: a darker band plus an underline, so it is told apart without
// relying on colour, and white text stays ≥ 4.5:1 on it (white on brand-800
// is about 10:1; the old bg-white/20 over brand-600 was 4.42:1).
const linkClasses = (active: boolean) =>
  `rounded px-2.5 py-1.5 text-sm hover:bg-brand-800 ${active ? "bg-brand-800 font-medium underline decoration-2 underline-offset-4" : ""}`;

/**
 * The top bar's apps. From 768 px up they sit in the bar; below, a "Menu"
 * button opens them as a list (with the user's name and Sign out), so no app
 * is ever off-screen on a phone.
 */
export function AppNav({ apps, account }: { apps: AppLink[]; account: ReactNode }) {
  const t = useTranslations("common.nav");
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const isActive = (href: string) => pathname === href || pathname.startsWith(`${href}/`);

  // A followed link closes the menu (also when it leads where we are).
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <>
      <nav aria-label={t("apps")} className="hidden items-center gap-1 md:flex">
        {apps.map((app) => (
          <Link key={app.href} href={app.href} aria-current={isActive(app.href) ? "page" : undefined} className={linkClasses(isActive(app.href))}>
            {app.label}
          </Link>
        ))}
      </nav>
      <div className="ml-auto hidden md:block">{account}</div>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="ml-auto inline-flex items-center gap-1.5 rounded border border-white/40 px-2.5 py-1 text-sm hover:bg-brand-800 md:hidden"
      >
        <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4">
          {open ? (
            <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
          ) : (
            <path d="M2 4.75A.75.75 0 0 1 2.75 4h14.5a.75.75 0 0 1 0 1.5H2.75A.75.75 0 0 1 2 4.75Zm0 5A.75.75 0 0 1 2.75 9h14.5a.75.75 0 0 1 0 1.5H2.75A.75.75 0 0 1 2 9.75Zm0 5a.75.75 0 0 1 .75-.75h14.5a.75.75 0 0 1 0 1.5H2.75a.75.75 0 0 1-.75-.75Z" />
          )}
        </svg>
        {t("menu")}
      </button>
      {open && (
        <div id={panelId} className="absolute inset-x-0 top-12 z-30 border-t border-white/20 bg-brand-700 px-4 pt-2 pb-4 shadow-lg md:hidden">
          <nav aria-label={t("apps")}>
            <ul className="flex flex-col">
              {apps.map((app) => (
                <li key={app.href}>
                  <Link
                    href={app.href}
                    onClick={() => setOpen(false)}
                    aria-current={isActive(app.href) ? "page" : undefined}
                    className={`block py-2.5 text-base ${linkClasses(isActive(app.href))}`}
                  >
                    {app.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="mt-3 border-t border-white/20 pt-3">{account}</div>
        </div>
      )}
    </>
  );
}
