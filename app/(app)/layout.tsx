import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { AppNav } from "./_components/app-nav";
import { CreditAlertsBanner } from "./_components/credit-alerts-banner";
import { UserMenu } from "./_components/user-menu";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const apps = [{ href: "/contacts", label: "Contacts" }];
  apps.push({ href: "/documents", label: "Documents" });
  apps.push({ href: "/sign", label: "Sign" });
  apps.push({ href: "/leads", label: "Leads" });
  apps.push({ href: "/letters", label: "Letters" });
  if (user.role === "ADMIN") apps.push({ href: "/settings", label: "Settings" });
  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-brand-600 text-white">
        <div className="flex h-12 items-center gap-4 px-4 sm:px-6">
          <a href="/" className="font-semibold tracking-tight">
            IAP Credits
          </a>
          {env().DEMO && (
            <span
              title="Demo mode: demo data, demo checkout (no money moves) and a test identity provider. Not for real companies."
              className="rounded bg-amber-300 px-1.5 py-0.5 text-xs font-bold uppercase tracking-wide text-amber-950"
            >
              Demo
            </span>
          )}
          <AppNav apps={apps} />
          <div className="ml-auto">
            <UserMenu name={user.name} email={user.email} role={user.role} />
          </div>
        </div>
      </header>
      <CreditAlertsBanner user={user} />
      <main className="flex-1">{children}</main>
    </div>
  );
}
