import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

export interface Crumb {
  label: string;
  href?: string;
}

/** The ERP's control panel: breadcrumbs on the left, actions on the right. */
export function PageHeader({ crumbs, actions }: { crumbs: Crumb[]; actions?: ReactNode }) {
  const t = useTranslations("ui");
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 border-b border-gray-200 bg-white px-4 py-3 sm:px-6">
      <nav aria-label={t("breadcrumb")}>
        <ol className="flex flex-wrap items-center gap-1 text-lg">
          {crumbs.map((crumb, index) => (
            <li key={index} className="flex items-center gap-1">
              {index > 0 && <span aria-hidden className="text-gray-400">/</span>}
              {crumb.href ? (
                <Link href={crumb.href} className="text-brand-700 underline underline-offset-2 hover:decoration-2">
                  {crumb.label}
                </Link>
              ) : (
                <h1 className="font-semibold text-gray-900">{crumb.label}</h1>
              )}
            </li>
          ))}
        </ol>
      </nav>
      {actions && <div className="flex items-center gap-2">{actions}</div>}
    </div>
  );
}
