import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/button";
import { AuthCard } from "./auth-card";

/** What an invitation or reset link shows when it cannot be used; `whatNext` says how to get a new one. */
export function LinkProblem({ state, whatNext }: { state: "expired" | "used" | "unknown"; whatNext: string }) {
  const t = useTranslations("auth.linkProblem");
  return (
    <AuthCard title={t(state)}>
      <p className="mt-3 text-sm text-gray-700">
        {state === "unknown" ? t("checkLink") : t("onceOnly")}
        {whatNext}
      </p>
      <Link href="/login" className={buttonClasses("secondary", "mt-6")}>
        {t("goToSignIn")}
      </Link>
    </AuthCard>
  );
}
