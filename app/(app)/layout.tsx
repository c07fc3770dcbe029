import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { AppNav } from "./_components/app-nav";
import { CreditAlertsBanner } from "./_components/credit-alerts-banner";
import { UserMenu } from "./_components/user-menu";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const t = await getTranslations("common");
  const apps = [
    { href: "/contacts", label: t("nav.contacts") },
    { href: "/documents", label: t("nav.documents") },
    { href: "/sign", label: t("nav.sign") },
    { href: "/leads", label: t("nav.leads") },
    { href: "/letters", label: t("nav.letters") },
  ];
  if (user.role === "ADMIN") apps.push({ href: "/settings", label: t("nav.settings") });
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only z-50 rounded bg-white px-3 py-2 font-medium text-brand-700 focus:not-sr-only focus:absolute focus:top-2 focus:left-2">
        {t("skipToContent")}
      </a>
      <header className="relative bg-brand-600 text-white">
        <div className="flex h-12 items-center gap-4 px-4 sm:px-6">
          <a href="/" className="whitespace-nowrap font-semibold tracking-tight">
            {t("appName")}
          </a>
          {env().DEMO && (
            <span
              title={t("demoBadgeTitle")}
              className="rounded bg-amber-300 px-1.5 py-0.5 text-xs font-bold uppercase tracking-wide text-amber-950"
            >
              {t("demoBadge")}
            </span>
          )}
          <AppNav apps={apps} account={<UserMenu name={user.name} email={user.email} role={user.role} />} />
        </div>
      </header>
      <CreditAlertsBanner user={user} />
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
        {children}
      </main>
    </div>
  );
}
