import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "@/app/_components/language-switcher";

/**
 * The centred card of the pages used before signing in (sign-in, set-up,
 * invitation, password reset), with the language switcher under it: a
 * visitor has no profile to choose a language in.
 */
export function AuthCard({ title, intro, children, wide = false }: { title: string; intro?: ReactNode; children: ReactNode; wide?: boolean }) {
  const t = useTranslations("auth.card");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 px-4 py-10">
      <div className={`w-full ${wide ? "max-w-xl" : "max-w-sm"} rounded-lg border border-gray-200 bg-white p-6 shadow-sm sm:p-8`}>
        <p className="text-sm font-semibold tracking-tight text-brand-600">{t("brand")}</p>
        <h1 className="mt-1 text-xl font-semibold">{title}</h1>
        {intro && <div className="mt-1 text-sm text-gray-600">{intro}</div>}
        {children}
      </div>
      <LanguageSwitcher />
    </main>
  );
}

export function BackToSignIn() {
  const t = useTranslations("auth.card");
  return (
    <p className="mt-6 text-sm">
      <Link href="/login" className="text-brand-600 hover:underline">
        {t("backToSignIn")}
      </Link>
    </p>
  );
}
